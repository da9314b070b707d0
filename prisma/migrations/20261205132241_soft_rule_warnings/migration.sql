-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "softWarnings" JSONB,
ADD COLUMN     "warningExplanations" JSONB;

-- AlterTable
ALTER TABLE "SubmissionRevision" ADD COLUMN     "softWarnings" JSONB;
