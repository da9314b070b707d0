-- CreateTable
CREATE TABLE "NdbPrefill" (
    "cycleId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NdbPrefill_pkey" PRIMARY KEY ("cycleId","institutionId","itemKey")
);

-- CreateIndex
CREATE INDEX "NdbPrefill_institutionId_idx" ON "NdbPrefill"("institutionId");

-- AddForeignKey
ALTER TABLE "NdbPrefill" ADD CONSTRAINT "NdbPrefill_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NdbPrefill" ADD CONSTRAINT "NdbPrefill_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
