-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "PublicationSetting" (
    "cycleId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "licence" TEXT NOT NULL DEFAULT 'CC-BY-4.0',
    "liveRunId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "PublicationSetting_pkey" PRIMARY KEY ("cycleId")
);

-- CreateTable
CREATE TABLE "PublicationRun" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "dataAsOf" TIMESTAMP(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "institutionCount" INTEGER NOT NULL,
    "carriedForward" INTEGER NOT NULL DEFAULT 0,
    "heldBack" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedInstitution" (
    "runId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "municipalityCode" VARCHAR(6) NOT NULL,
    "municipalityName" TEXT NOT NULL,
    "zoneCode" TEXT,
    "zoneName" TEXT,
    "address" TEXT,
    "revision" INTEGER NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "f1" BOOLEAN NOT NULL,
    "f2i" BOOLEAN NOT NULL,
    "f2ro" BOOLEAN NOT NULL,
    "f2ha" BOOLEAN NOT NULL,
    "f2ni" BOOLEAN NOT NULL,
    "areas" TEXT[],
    "diseases" TEXT[],
    "detail" JSONB NOT NULL,

    CONSTRAINT "PublishedInstitution_pkey" PRIMARY KEY ("runId","institutionId")
);

-- CreateTable
CREATE TABLE "PublicationHold" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "reason" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heldById" TEXT,
    "releasedAt" TIMESTAMP(3),
    "releasedById" TEXT,

    CONSTRAINT "PublicationHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicationSetting_liveRunId_key" ON "PublicationSetting"("liveRunId");

-- CreateIndex
CREATE INDEX "PublicationSetting_prefectureCode_status_idx" ON "PublicationSetting"("prefectureCode", "status");

-- CreateIndex
CREATE INDEX "PublicationRun_cycleId_createdAt_idx" ON "PublicationRun"("cycleId", "createdAt");

-- CreateIndex
CREATE INDEX "PublishedInstitution_runId_municipalityCode_idx" ON "PublishedInstitution"("runId", "municipalityCode");

-- CreateIndex
CREATE INDEX "PublishedInstitution_runId_zoneCode_idx" ON "PublishedInstitution"("runId", "zoneCode");

-- CreateIndex
CREATE INDEX "PublishedInstitution_runId_code_idx" ON "PublishedInstitution"("runId", "code");

-- CreateIndex
CREATE INDEX "PublicationHold_cycleId_releasedAt_idx" ON "PublicationHold"("cycleId", "releasedAt");

-- CreateIndex
CREATE INDEX "PublicationHold_institutionId_idx" ON "PublicationHold"("institutionId");

-- AddForeignKey
ALTER TABLE "PublicationSetting" ADD CONSTRAINT "PublicationSetting_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationSetting" ADD CONSTRAINT "PublicationSetting_liveRunId_fkey" FOREIGN KEY ("liveRunId") REFERENCES "PublicationRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationRun" ADD CONSTRAINT "PublicationRun_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedInstitution" ADD CONSTRAINT "PublishedInstitution_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PublicationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationHold" ADD CONSTRAINT "PublicationHold_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationHold" ADD CONSTRAINT "PublicationHold_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
