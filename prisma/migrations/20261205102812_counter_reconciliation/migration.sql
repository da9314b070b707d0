-- CreateTable
CREATE TABLE "CounterReconciliation" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "scope" TEXT NOT NULL,
    "municipalities" INTEGER NOT NULL,
    "corrected" INTEGER NOT NULL,
    "details" JSONB,

    CONSTRAINT "CounterReconciliation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CounterReconciliation_startedAt_idx" ON "CounterReconciliation"("startedAt");
