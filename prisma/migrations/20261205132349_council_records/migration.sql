-- CreateEnum
CREATE TYPE "CouncilRecordStatus" AS ENUM ('DRAFT', 'AGREED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "CouncilMeasureStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'ON_HOLD');

-- CreateTable
CREATE TABLE "CouncilRecord" (
    "id" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "zoneId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "vision" TEXT NOT NULL DEFAULT '',
    "meetings" JSONB NOT NULL DEFAULT '[]',
    "status" "CouncilRecordStatus" NOT NULL DEFAULT 'DRAFT',
    "agreedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilIssue" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "indicatorKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "causeGovernment" TEXT NOT NULL DEFAULT '',
    "causeMedical" TEXT NOT NULL DEFAULT '',
    "causeCare" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMeasure" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "issueId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "ownerBody" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL DEFAULT '',
    "startMonth" TEXT,
    "deadlineMonth" TEXT,
    "indicatorKey" TEXT,
    "baselineUnit" TEXT,
    "baselineCount" INTEGER,
    "baselineDenominator" INTEGER,
    "baselineBase" INTEGER,
    "baselineValue" DOUBLE PRECISION,
    "baselineCycleId" TEXT,
    "baselineFiscalYear" INTEGER,
    "baselineFrozenAt" TIMESTAMP(3),
    "targetValue" DOUBLE PRECISION,
    "status" "CouncilMeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CouncilRecord_prefectureCode_fiscalYear_idx" ON "CouncilRecord"("prefectureCode", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilRecord_zoneId_fiscalYear_key" ON "CouncilRecord"("zoneId", "fiscalYear");

-- CreateIndex
CREATE INDEX "CouncilIssue_recordId_idx" ON "CouncilIssue"("recordId");

-- CreateIndex
CREATE INDEX "CouncilMeasure_recordId_idx" ON "CouncilMeasure"("recordId");

-- CreateIndex
CREATE INDEX "CouncilMeasure_issueId_idx" ON "CouncilMeasure"("issueId");

-- AddForeignKey
ALTER TABLE "CouncilRecord" ADD CONSTRAINT "CouncilRecord_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilIssue" ADD CONSTRAINT "CouncilIssue_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CouncilRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMeasure" ADD CONSTRAINT "CouncilMeasure_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CouncilRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMeasure" ADD CONSTRAINT "CouncilMeasure_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "CouncilIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;
