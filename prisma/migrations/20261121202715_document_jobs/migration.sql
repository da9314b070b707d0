-- CreateEnum
CREATE TYPE "DocumentJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'EXPIRED');

-- CreateTable
CREATE TABLE "DocumentJob" (
    "id" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'ZONE_PACKETS',
    "cycleId" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "options" JSONB,
    "status" "DocumentJobStatus" NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "fileName" TEXT,
    "fileSize" INTEGER,
    "fileSha256" TEXT,
    "errorMessage" TEXT,
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocumentJob_prefectureCode_createdAt_idx" ON "DocumentJob"("prefectureCode", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentJob_status_idx" ON "DocumentJob"("status");
