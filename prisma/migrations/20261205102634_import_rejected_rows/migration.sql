-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "rejectedRows" JSONB;
