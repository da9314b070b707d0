-- AlterTable
ALTER TABLE "DocumentJob" ADD COLUMN     "fileBytes" BYTEA;
