-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('ANNOUNCEMENT', 'INVITATION', 'REMINDER', 'RETURNED', 'CONFIRMED', 'REOPENED', 'RECEIPT');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'BOUNCED', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "PrefectureMailSettings" (
    "prefectureCode" VARCHAR(2) NOT NULL,
    "senderName" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "signature" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrefectureMailSettings_pkey" PRIMARY KEY ("prefectureCode")
);

-- CreateTable
CREATE TABLE "CycleMailSchedule" (
    "cycleId" TEXT NOT NULL,
    "reminderDays" INTEGER[],
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CycleMailSchedule_pkey" PRIMARY KEY ("cycleId")
);

-- CreateTable
CREATE TABLE "MailBatch" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "kind" "MailKind" NOT NULL,
    "scheduleKey" TEXT,
    "filter" JSONB,
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "batchId" TEXT,
    "kind" "MailKind" NOT NULL,
    "institutionId" TEXT,
    "hubId" TEXT,
    "submissionId" TEXT,
    "userId" TEXT,
    "recipient" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "respondentName" TEXT NOT NULL,
    "details" JSONB,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "dispatchedAt" TIMESTAMP(3),
    "sendingAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "resendOfId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MailBatch_cycleId_createdAt_idx" ON "MailBatch"("cycleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailBatch_cycleId_scheduleKey_key" ON "MailBatch"("cycleId", "scheduleKey");

-- CreateIndex
CREATE INDEX "MailMessage_cycleId_createdAt_idx" ON "MailMessage"("cycleId", "createdAt");

-- CreateIndex
CREATE INDEX "MailMessage_batchId_status_idx" ON "MailMessage"("batchId", "status");

-- CreateIndex
CREATE INDEX "MailMessage_status_dispatchedAt_idx" ON "MailMessage"("status", "dispatchedAt");
