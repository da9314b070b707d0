-- CreateTable
CREATE TABLE "ClinicCounterCell" (
    "cycleId" TEXT NOT NULL,
    "municipalityCode" VARCHAR(6) NOT NULL,
    "counters" JSONB NOT NULL,
    "format" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClinicCounterCell_pkey" PRIMARY KEY ("cycleId","municipalityCode")
);

-- CreateTable
CREATE TABLE "ClinicCounterTotal" (
    "cycleId" TEXT NOT NULL,
    "counters" JSONB NOT NULL,
    "format" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClinicCounterTotal_pkey" PRIMARY KEY ("cycleId")
);

-- AddForeignKey
ALTER TABLE "ClinicCounterCell" ADD CONSTRAINT "ClinicCounterCell_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicCounterTotal" ADD CONSTRAINT "ClinicCounterTotal_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
