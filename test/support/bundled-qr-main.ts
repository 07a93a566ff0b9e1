// Entry bundled by test/electron/core/einvoice/qr-bundled.test.ts: the QR reader must find its WebAssembly from a bundle.
import { readEInvoiceFile } from '@core/einvoice/read-einvoice-file';
import { shudianInvoicePdf } from '@test/fixtures/einvoice/make-pdf-fixtures';

const result = await readEInvoiceFile('fp.pdf', await shudianInvoicePdf());
process.stdout.write(`${JSON.stringify(result?.ok ? { qrChecked: result.value.qrChecked, number: result.value.number } : result)}\n`);
