-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "suspendedSince" VARCHAR(10),
ADD COLUMN     "suspensionReason" TEXT;
