-- AlterTable
ALTER TABLE "OutlierFlag" ADD COLUMN     "acknowledged" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "bigChangeAckRevision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ReviewFlagAcknowledgement" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "revision" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "note" TEXT,
    "acknowledgedById" TEXT,
    "acknowledgedByEmail" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewFlagAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewFlagAcknowledgement_cycleId_idx" ON "ReviewFlagAcknowledgement"("cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewFlagAcknowledgement_submissionId_revision_kind_itemKe_key" ON "ReviewFlagAcknowledgement"("submissionId", "revision", "kind", "itemKey");

-- AddForeignKey
ALTER TABLE "ReviewFlagAcknowledgement" ADD CONSTRAINT "ReviewFlagAcknowledgement_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
