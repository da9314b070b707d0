-- The counters' append-only change log (docs/decisions/0012-deadline-rush-write-path.md): a
-- respondent's write appends its contribution before and after instead of adding a delta to the
-- municipality's row and the cycle's total under their row locks (renkei_counters_add), which
-- made every submission of a prefecture wait for the one before it.

-- CreateTable
CREATE TABLE "ClinicCounterChange" (
    "id" BIGSERIAL NOT NULL,
    "cycleId" TEXT NOT NULL,
    "municipalityCode" VARCHAR(6) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClinicCounterChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClinicCounterChange_cycleId_municipalityCode_idx" ON "ClinicCounterChange"("cycleId", "municipalityCode");

-- AddForeignKey
ALTER TABLE "ClinicCounterChange" ADD CONSTRAINT "ClinicCounterChange_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

DROP FUNCTION IF EXISTS renkei_counters_add(jsonb, jsonb, text, text);
