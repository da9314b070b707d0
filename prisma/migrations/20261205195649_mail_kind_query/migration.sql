-- AlterEnum
ALTER TYPE "MailKind" ADD VALUE 'QUERY';
