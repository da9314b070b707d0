-- CreateEnum
CREATE TYPE "QueryStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "OutlierFlag" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "itemKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "direction" TEXT NOT NULL,
    "peerScope" TEXT NOT NULL,
    "peerN" INTEGER NOT NULL,
    "peerMedian" DOUBLE PRECISION NOT NULL,
    "peerMad" DOUBLE PRECISION NOT NULL,
    "peerQ1" DOUBLE PRECISION NOT NULL,
    "peerQ3" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,
    "lower" DOUBLE PRECISION NOT NULL,
    "upper" DOUBLE PRECISION NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutlierFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutlierRun" (
    "cycleId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "submissions" INTEGER NOT NULL,
    "flags" INTEGER NOT NULL,
    "milliseconds" INTEGER NOT NULL,

    CONSTRAINT "OutlierRun_pkey" PRIMARY KEY ("cycleId")
);

-- CreateTable
CREATE TABLE "ItemQuery" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "itemKeys" TEXT[],
    "message" TEXT NOT NULL,
    "status" "QueryStatus" NOT NULL DEFAULT 'OPEN',
    "askedRevision" INTEGER NOT NULL,
    "askedById" TEXT,
    "askedByEmail" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredRevision" INTEGER,
    "answeredById" TEXT,
    "answeredByEmail" TEXT,
    "answeredAt" TIMESTAMP(3),
    "closeNote" TEXT,
    "closedById" TEXT,
    "closedByEmail" TEXT,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemQuery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutlierFlag_cycleId_submissionId_idx" ON "OutlierFlag"("cycleId", "submissionId");

-- CreateIndex
CREATE INDEX "OutlierFlag_submissionId_revision_idx" ON "OutlierFlag"("submissionId", "revision");

-- CreateIndex
CREATE INDEX "ItemQuery_submissionId_status_idx" ON "ItemQuery"("submissionId", "status");

-- CreateIndex
CREATE INDEX "ItemQuery_cycleId_status_idx" ON "ItemQuery"("cycleId", "status");

-- AddForeignKey
ALTER TABLE "OutlierFlag" ADD CONSTRAINT "OutlierFlag_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutlierRun" ADD CONSTRAINT "OutlierRun_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemQuery" ADD CONSTRAINT "ItemQuery_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
