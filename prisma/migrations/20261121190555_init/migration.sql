-- CreateEnum
CREATE TYPE "ZoneSchemeKind" AS ENUM ('SECONDARY_MEDICAL_AREA', 'HOME_CARE_AREA', 'HEALTH_CENTER_AREA', 'OTHER');

-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('HOSPITAL', 'CLINIC');

-- CreateEnum
CREATE TYPE "HubOperatorType" AS ENUM ('MEDICAL_PROVIDER', 'MEDICAL_ASSOCIATION', 'HEALTH_CENTER', 'MUNICIPALITY', 'COMMUNITY_SUPPORT_CENTER', 'CARE_COLLABORATION_OPERATOR', 'CONSORTIUM');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('INSTITUTION', 'HUB', 'PREFECTURE', 'COUNCIL', 'ADMIN');

-- CreateEnum
CREATE TYPE "QuestionnaireKind" AS ENUM ('CLINIC_REPORT', 'HUB_SELF_ASSESSMENT');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('PREPARING', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'CONFIRMED');

-- CreateTable
CREATE TABLE "Prefecture" (
    "code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Prefecture_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "code" VARCHAR(6) NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "populationTotal" INTEGER,
    "population65" INTEGER,
    "population75" INTEGER,
    "populationSource" TEXT,
    "populationYear" INTEGER,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ZoneScheme" (
    "id" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ZoneSchemeKind" NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ZoneScheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Zone" (
    "id" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Zone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ZoneMunicipality" (
    "zoneId" TEXT NOT NULL,
    "municipalityCode" VARCHAR(6) NOT NULL,
    "schemeId" TEXT NOT NULL,

    CONSTRAINT "ZoneMunicipality_pkey" PRIMARY KEY ("zoneId","municipalityCode")
);

-- CreateTable
CREATE TABLE "Institution" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "beds" INTEGER,
    "postalCode" TEXT,
    "address" TEXT,
    "phone" TEXT,
    "contactEmail" TEXT,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "municipalityCode" VARCHAR(6) NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hub" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "operatorType" "HubOperatorType" NOT NULL,
    "operatorName" TEXT,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "zoneId" TEXT NOT NULL,
    "contactEmail" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hub_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "institutionId" TEXT,
    "hubId" TEXT,
    "prefectureCode" VARCHAR(2),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserZone" (
    "userId" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,

    CONSTRAINT "UserZone_pkey" PRIMARY KEY ("userId","zoneId")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailureAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "QuestionnaireVersion" (
    "id" TEXT NOT NULL,
    "kind" "QuestionnaireKind" NOT NULL,
    "versionKey" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "definitionSha256" TEXT NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "QuestionnaireVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "kind" "QuestionnaireKind" NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "questionnaireVersionId" TEXT NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'PREPARING',
    "requestDate" TIMESTAMP(3),
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "publishAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportingCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "questionnaireVersionId" TEXT NOT NULL,
    "institutionId" TEXT,
    "hubId" TEXT,
    "prefectureCode" VARCHAR(2) NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "draftVersion" INTEGER NOT NULL DEFAULT 0,
    "isAmending" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "derived" JSONB,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewComment" TEXT,
    "reopenedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionRevision" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "derived" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'WEB',

    CONSTRAINT "SubmissionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "prefectureCode" VARCHAR(2),
    "summary" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Municipality_prefectureCode_idx" ON "Municipality"("prefectureCode");

-- CreateIndex
CREATE UNIQUE INDEX "ZoneScheme_prefectureCode_name_key" ON "ZoneScheme"("prefectureCode", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Zone_schemeId_code_key" ON "Zone"("schemeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Zone_schemeId_name_key" ON "Zone"("schemeId", "name");

-- CreateIndex
CREATE INDEX "ZoneMunicipality_municipalityCode_idx" ON "ZoneMunicipality"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "ZoneMunicipality_schemeId_municipalityCode_key" ON "ZoneMunicipality"("schemeId", "municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_code_key" ON "Institution"("code");

-- CreateIndex
CREATE INDEX "Institution_prefectureCode_isActive_idx" ON "Institution"("prefectureCode", "isActive");

-- CreateIndex
CREATE INDEX "Institution_municipalityCode_idx" ON "Institution"("municipalityCode");

-- CreateIndex
CREATE INDEX "Hub_prefectureCode_idx" ON "Hub"("prefectureCode");

-- CreateIndex
CREATE INDEX "Hub_zoneId_idx" ON "Hub"("zoneId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_institutionId_idx" ON "User"("institutionId");

-- CreateIndex
CREATE INDEX "User_hubId_idx" ON "User"("hubId");

-- CreateIndex
CREATE INDEX "User_prefectureCode_role_idx" ON "User"("prefectureCode", "role");

-- CreateIndex
CREATE INDEX "UserZone_zoneId_idx" ON "UserZone"("zoneId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireVersion_versionKey_key" ON "QuestionnaireVersion"("versionKey");

-- CreateIndex
CREATE INDEX "QuestionnaireVersion_kind_status_idx" ON "QuestionnaireVersion"("kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCycle_prefectureCode_kind_fiscalYear_key" ON "ReportingCycle"("prefectureCode", "kind", "fiscalYear");

-- CreateIndex
CREATE INDEX "Submission_cycleId_status_idx" ON "Submission"("cycleId", "status");

-- CreateIndex
CREATE INDEX "Submission_prefectureCode_idx" ON "Submission"("prefectureCode");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_cycleId_institutionId_key" ON "Submission"("cycleId", "institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_cycleId_hubId_key" ON "Submission"("cycleId", "hubId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionRevision_submissionId_revision_key" ON "SubmissionRevision"("submissionId", "revision");

-- CreateIndex
CREATE INDEX "AuditEvent_prefectureCode_at_idx" ON "AuditEvent"("prefectureCode", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoneScheme" ADD CONSTRAINT "ZoneScheme_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zone" ADD CONSTRAINT "Zone_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "ZoneScheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoneMunicipality" ADD CONSTRAINT "ZoneMunicipality_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoneMunicipality" ADD CONSTRAINT "ZoneMunicipality_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hub" ADD CONSTRAINT "Hub_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hub" ADD CONSTRAINT "Hub_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "Hub"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserZone" ADD CONSTRAINT "UserZone_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserZone" ADD CONSTRAINT "UserZone_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingCycle" ADD CONSTRAINT "ReportingCycle_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingCycle" ADD CONSTRAINT "ReportingCycle_questionnaireVersionId_fkey" FOREIGN KEY ("questionnaireVersionId") REFERENCES "QuestionnaireVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_questionnaireVersionId_fkey" FOREIGN KEY ("questionnaireVersionId") REFERENCES "QuestionnaireVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "Hub"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRevision" ADD CONSTRAINT "SubmissionRevision_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
