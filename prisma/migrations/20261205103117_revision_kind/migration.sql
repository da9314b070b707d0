-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('INITIAL', 'RESUBMISSION', 'AMENDMENT');

-- AlterTable
ALTER TABLE "SubmissionRevision" ADD COLUMN     "kind" "RevisionKind" NOT NULL DEFAULT 'INITIAL';

-- Earlier revisions after the first were all called 変更報告, and keep that reading.
UPDATE "SubmissionRevision" SET "kind" = 'AMENDMENT' WHERE "revision" > 1;
