-- AlterTable
ALTER TABLE "Product" ADD COLUMN "productUrl" TEXT;
