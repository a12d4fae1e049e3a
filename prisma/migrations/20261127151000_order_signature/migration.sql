-- Signing an order (issue 15): submitting an order is the prescriber's electronic signature,
-- confirmed by re-entering the password. The signature keeps the printed name and NPI, the date and
-- time, its meaning (21 CFR 11.50) and a SHA-256 of the content signed, linked to its order
-- (21 CFR 11.70). Orders submitted before this migration have no signature row.

-- CreateTable
CREATE TABLE "OrderSignature" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "signerId" UUID NOT NULL,
    "signerName" VARCHAR(200) NOT NULL,
    "signerNpi" VARCHAR(10),
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "meaning" VARCHAR(200) NOT NULL,
    "contentHash" CHAR(64) NOT NULL,

    CONSTRAINT "OrderSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderSignature_orderId_key" ON "OrderSignature"("orderId");

-- CreateIndex
CREATE INDEX "OrderSignature_signerId_idx" ON "OrderSignature"("signerId");

-- AddForeignKey
ALTER TABLE "OrderSignature" ADD CONSTRAINT "OrderSignature_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderSignature" ADD CONSTRAINT "OrderSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A signature is never changed or removed: an UPDATE or DELETE of "OrderSignature" is refused,
-- whatever sends it, so a signature cannot be moved to other content or excised (21 CFR 11.70). A
-- trigger is not part of Prisma's schema (prisma/src/catalog.ts compares tables, columns,
-- constraints and indexes only); server/src/orders/order-signing.int.test.ts checks it.
CREATE FUNCTION "order_signature_unchangeable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'An order signature cannot be changed: % on "OrderSignature" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "OrderSignature_unchangeable"
  BEFORE UPDATE OR DELETE ON "OrderSignature"
  FOR EACH ROW EXECUTE FUNCTION "order_signature_unchangeable"();
