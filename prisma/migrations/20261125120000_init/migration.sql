-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('CLINIC', 'PHARMACY', 'NETWORK');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLINICIAN', 'COORDINATOR', 'PHARMACIST', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserTokenKind" AS ENUM ('INVITATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "TherapyClass" AS ENUM ('TCA', 'SNRI', 'ANTICONVULSANT', 'DISEASE_SPECIFIC', 'OPIOID', 'OTHER');

-- CreateEnum
CREATE TYPE "TherapyOutcome" AS ENUM ('INEFFECTIVE', 'INTOLERANT', 'CONTRAINDICATED', 'ONGOING');

-- CreateEnum
CREATE TYPE "SymptomMeasure" AS ENUM ('PAIN_NRS', 'QUALITY_OF_LIFE', 'SLEEP', 'FATIGUE');

-- CreateEnum
CREATE TYPE "ConsentPoint" AS ENUM ('OFF_LABEL_LIMITED_EVIDENCE', 'MODEST_SUBJECTIVE_BENEFIT', 'COMPOUNDING_NOT_COVERED', 'AVOID_OPIOIDS');

-- CreateEnum
CREATE TYPE "Condition" AS ENUM ('FIBROMYALGIA', 'MULTIPLE_SCLEROSIS', 'CRPS', 'CROHNS_DISEASE', 'PAINFUL_DIABETIC_NEUROPATHY', 'NEUROPATHIC_CORNEAL_PAIN', 'OTHER_CHRONIC_PAIN');

-- CreateEnum
CREATE TYPE "TrialState" AS ENUM ('SCREENING', 'READY', 'TITRATING', 'AT_TARGET', 'ASSESSMENT_DUE', 'CONTINUING', 'EXTENDED', 'ON_HOLD', 'DISCONTINUED');

-- CreateEnum
CREATE TYPE "DiscontinuationReason" AS ENUM ('INEFFECTIVE', 'ADVERSE_EFFECTS', 'OPIOID_NEEDED', 'COST_NOT_COVERED', 'PATIENT_CHOICE', 'LOST_TO_FOLLOW_UP', 'OTHER');

-- CreateEnum
CREATE TYPE "HoldReason" AS ENUM ('OPIOID_STARTED', 'OPIOID_NEEDED', 'ADVERSE_EFFECT', 'OTHER');

-- CreateEnum
CREATE TYPE "AdverseEffectKind" AS ENUM ('VIVID_DREAMS', 'INSOMNIA', 'HEADACHE', 'NAUSEA', 'ANXIETY', 'FATIGUE', 'OTHER');

-- CreateEnum
CREATE TYPE "AdverseEffectSeverity" AS ENUM ('MILD', 'MODERATE', 'SEVERE');

-- CreateEnum
CREATE TYPE "AdverseEffectAction" AS ENUM ('NONE', 'HELD_DOSE', 'STEPPED_DOWN', 'DISCONTINUED');

-- CreateEnum
CREATE TYPE "ResponseClass" AS ENUM ('SUBSTANTIAL', 'MEANINGFUL', 'MINIMAL', 'NONE');

-- CreateEnum
CREATE TYPE "AssessmentDecision" AS ENUM ('CONTINUE', 'EXTEND', 'DISCONTINUE');

-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('HARD_STOP', 'SOFT_STOP', 'WARNING');

-- CreateEnum
CREATE TYPE "OrderState" AS ENUM ('DRAFT', 'SUBMITTED', 'RECEIVED', 'COMPOUNDING', 'READY', 'DISPENSED', 'REJECTED', 'CANCELLED', 'ON_HOLD');

-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('TITRATION_PACK', 'SINGLE_STRENGTH');

-- CreateEnum
CREATE TYPE "Formulation" AS ENUM ('CAPSULE', 'ORAL_SOLUTION', 'SUBLINGUAL_DROPS');

-- CreateEnum
CREATE TYPE "Payment" AS ENUM ('SELF_PAY', 'INSURANCE');

-- CreateEnum
CREATE TYPE "Delivery" AS ENUM ('SHIP', 'PICKUP');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "addressLine1" VARCHAR(200),
    "addressLine2" VARCHAR(200),
    "city" VARCHAR(100),
    "region" VARCHAR(100),
    "postalCode" VARCHAR(20),
    "phone" VARCHAR(40),
    "licenceNumber" VARCHAR(60),
    "policy" JSONB,
    "defaultPharmacyId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClinicPharmacy" (
    "clinicId" UUID NOT NULL,
    "pharmacyId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClinicPharmacy_pkey" PRIMARY KEY ("clinicId","pharmacyId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "npi" VARCHAR(10),
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "userAgent" VARCHAR(300),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" VARCHAR(300) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "UserTokenKind" NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "mrn" VARCHAR(40) NOT NULL,
    "givenName" VARCHAR(100) NOT NULL,
    "familyName" VARCHAR(100) NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "phone" VARCHAR(40),
    "email" VARCHAR(254),
    "addressLine1" VARCHAR(200),
    "addressLine2" VARCHAR(200),
    "city" VARCHAR(100),
    "region" VARCHAR(100),
    "postalCode" VARCHAR(20),
    "allergies" VARCHAR(1000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorTherapy" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "drug" VARCHAR(200) NOT NULL,
    "classes" "TherapyClass"[],
    "doseRange" VARCHAR(100),
    "startedOn" DATE,
    "endedOn" DATE,
    "outcome" "TherapyOutcome" NOT NULL,
    "note" VARCHAR(1000),
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriorTherapy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Medication" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "drug" VARCHAR(200) NOT NULL,
    "dose" VARCHAR(100),
    "isOpioid" BOOLEAN NOT NULL,
    "startedOn" DATE,
    "stoppedOn" DATE,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Medication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpioidFreeAttestation" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "attestedOn" DATE NOT NULL,
    "lastOpioidDrug" VARCHAR(200),
    "lastOpioidDoseOn" DATE,
    "note" VARCHAR(1000),
    "attestedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpioidFreeAttestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "recordedOn" DATE NOT NULL,
    "points" "ConsentPoint"[],
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SymptomScore" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "measure" "SymptomMeasure" NOT NULL,
    "scoredOn" DATE NOT NULL,
    "score" SMALLINT NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SymptomScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trial" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "prescriberId" UUID NOT NULL,
    "condition" "Condition" NOT NULL,
    "state" "TrialState" NOT NULL,
    "startDate" DATE NOT NULL,
    "startDoseMg" DECIMAL(4,1) NOT NULL,
    "maintenanceDoseMg" DECIMAL(4,1),
    "maintenanceDeclaredOn" DATE,
    "baselineScore" SMALLINT NOT NULL,
    "baselineScoredOn" DATE NOT NULL,
    "policy" JSONB NOT NULL,
    "endedOn" DATE,
    "discontinuationReason" "DiscontinuationReason",
    "discontinuationNote" VARCHAR(1000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Trial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DoseChange" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "changedOn" DATE NOT NULL,
    "doseMg" DECIMAL(4,1) NOT NULL,
    "note" VARCHAR(1000),
    "prescribedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DoseChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialHold" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "reason" "HoldReason" NOT NULL,
    "note" VARCHAR(1000),
    "stateBefore" "TrialState" NOT NULL,
    "heldById" UUID NOT NULL,
    "resumedOn" DATE,
    "resumedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrialHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Override" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "givenById" UUID NOT NULL,
    "givenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialWarning" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "message" VARCHAR(1000) NOT NULL,
    "evidence" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrialWarning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdverseEffect" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "kind" "AdverseEffectKind" NOT NULL,
    "description" VARCHAR(1000),
    "onsetOn" DATE NOT NULL,
    "severity" "AdverseEffectSeverity" NOT NULL,
    "action" "AdverseEffectAction" NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdverseEffect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "assessedOn" DATE NOT NULL,
    "baselineScore" SMALLINT NOT NULL,
    "meanScore" DECIMAL(5,3) NOT NULL,
    "relativeReduction" DECIMAL(7,4) NOT NULL,
    "responseClass" "ResponseClass" NOT NULL,
    "decision" "AssessmentDecision" NOT NULL,
    "discontinuationReason" "DiscontinuationReason",
    "note" VARCHAR(1000),
    "assessedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "pharmacyId" UUID NOT NULL,
    "state" "OrderState" NOT NULL,
    "stateBeforeHold" "OrderState",
    "kind" "OrderKind" NOT NULL,
    "formulation" "Formulation" NOT NULL,
    "refills" SMALLINT NOT NULL DEFAULT 0,
    "excipientNotes" VARCHAR(500),
    "allergies" VARCHAR(1000),
    "payment" "Payment" NOT NULL,
    "insuranceNote" VARCHAR(300),
    "delivery" "Delivery" NOT NULL,
    "shipToLine1" VARCHAR(200),
    "shipToLine2" VARCHAR(200),
    "shipToCity" VARCHAR(100),
    "shipToRegion" VARCHAR(100),
    "shipToPostal" VARCHAR(20),
    "prescriberId" UUID,
    "prescriberName" VARCHAR(200) NOT NULL,
    "prescriberNpi" VARCHAR(10) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "lotNumber" VARCHAR(60),
    "beyondUseDate" DATE,
    "budReason" VARCHAR(500),
    "dispensedOn" DATE,
    "trackingNumber" VARCHAR(100),
    "rejectionReason" VARCHAR(1000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "sequence" SMALLINT NOT NULL,
    "nightlyDoseMg" DECIMAL(4,1) NOT NULL,
    "strength" DECIMAL(6,2) NOT NULL,
    "strengthUnit" VARCHAR(10) NOT NULL,
    "quantity" DECIMAL(8,2) NOT NULL,
    "quantityUnit" VARCHAR(10) NOT NULL,
    "amountPerNight" DECIMAL(6,2) NOT NULL,
    "daysSupply" SMALLINT NOT NULL,
    "startsOn" DATE,
    "directions" VARCHAR(500) NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "fromState" "OrderState",
    "toState" "OrderState" NOT NULL,
    "actorId" UUID NOT NULL,
    "reason" VARCHAR(1000),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" UUID NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "operation" VARCHAR(60) NOT NULL,
    "orderId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","operation","key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "organisationId" UUID,
    "action" VARCHAR(60) NOT NULL,
    "entity" VARCHAR(40) NOT NULL,
    "entityId" VARCHAR(60),
    "requestId" VARCHAR(60),

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Organisation_kind_name_idx" ON "Organisation"("kind", "name");

-- CreateIndex
CREATE INDEX "ClinicPharmacy_pharmacyId_idx" ON "ClinicPharmacy"("pharmacyId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_idx" ON "UserToken"("userId");

-- CreateIndex
CREATE INDEX "Patient_clinicId_familyName_givenName_idx" ON "Patient"("clinicId", "familyName", "givenName");

-- CreateIndex
CREATE INDEX "Patient_clinicId_dateOfBirth_idx" ON "Patient"("clinicId", "dateOfBirth");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_clinicId_mrn_key" ON "Patient"("clinicId", "mrn");

-- CreateIndex
CREATE INDEX "PriorTherapy_patientId_idx" ON "PriorTherapy"("patientId");

-- CreateIndex
CREATE INDEX "Medication_patientId_stoppedOn_idx" ON "Medication"("patientId", "stoppedOn");

-- CreateIndex
CREATE INDEX "OpioidFreeAttestation_patientId_attestedOn_idx" ON "OpioidFreeAttestation"("patientId", "attestedOn");

-- CreateIndex
CREATE INDEX "Consent_patientId_recordedOn_idx" ON "Consent"("patientId", "recordedOn");

-- CreateIndex
CREATE UNIQUE INDEX "SymptomScore_patientId_measure_scoredOn_key" ON "SymptomScore"("patientId", "measure", "scoredOn");

-- CreateIndex
CREATE INDEX "Trial_clinicId_state_idx" ON "Trial"("clinicId", "state");

-- CreateIndex
CREATE INDEX "Trial_patientId_idx" ON "Trial"("patientId");

-- CreateIndex
CREATE INDEX "Trial_clinicId_startDate_idx" ON "Trial"("clinicId", "startDate");

-- CreateIndex
CREATE INDEX "Trial_prescriberId_idx" ON "Trial"("prescriberId");

-- CreateIndex
CREATE INDEX "DoseChange_trialId_changedOn_idx" ON "DoseChange"("trialId", "changedOn");

-- CreateIndex
CREATE INDEX "TrialHold_trialId_idx" ON "TrialHold"("trialId");

-- CreateIndex
CREATE INDEX "Override_trialId_idx" ON "Override"("trialId");

-- CreateIndex
CREATE INDEX "TrialWarning_trialId_idx" ON "TrialWarning"("trialId");

-- CreateIndex
CREATE INDEX "AdverseEffect_trialId_idx" ON "AdverseEffect"("trialId");

-- CreateIndex
CREATE INDEX "Assessment_trialId_assessedOn_idx" ON "Assessment"("trialId", "assessedOn");

-- CreateIndex
CREATE INDEX "Order_pharmacyId_state_submittedAt_idx" ON "Order"("pharmacyId", "state", "submittedAt");

-- CreateIndex
CREATE INDEX "Order_clinicId_state_idx" ON "Order"("clinicId", "state");

-- CreateIndex
CREATE INDEX "Order_trialId_idx" ON "Order"("trialId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_sequence_key" ON "OrderLine"("orderId", "sequence");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_at_idx" ON "OrderEvent"("orderId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_organisationId_at_idx" ON "AuditLog"("organisationId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_defaultPharmacyId_fkey" FOREIGN KEY ("defaultPharmacyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicPharmacy" ADD CONSTRAINT "ClinicPharmacy_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicPharmacy" ADD CONSTRAINT "ClinicPharmacy_pharmacyId_fkey" FOREIGN KEY ("pharmacyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorTherapy" ADD CONSTRAINT "PriorTherapy_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Medication" ADD CONSTRAINT "Medication_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpioidFreeAttestation" ADD CONSTRAINT "OpioidFreeAttestation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SymptomScore" ADD CONSTRAINT "SymptomScore_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DoseChange" ADD CONSTRAINT "DoseChange_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialHold" ADD CONSTRAINT "TrialHold_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Override" ADD CONSTRAINT "Override_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialWarning" ADD CONSTRAINT "TrialWarning_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEffect" ADD CONSTRAINT "AdverseEffect_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_pharmacyId_fkey" FOREIGN KEY ("pharmacyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

