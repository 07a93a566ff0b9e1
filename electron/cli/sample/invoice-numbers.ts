import type { InvoiceType } from '@shared/domain';
import type { Company, Invoice } from './model';
import type { Rng } from './prng';

/**
 * Invoice numbers as DOMAIN.md §2 describes them, unique across one package.
 * 数电: 20 digits = year (2) + region (2, province or 计划单列市) + channel (1) + sequence (15).
 * Tax-control: 12-digit code = 0 + area (4) + year (2) + batch (3) + type (13 e-special,
 * 11 e-ordinary, 04 paper ordinary); paper special invoices have a 10-digit code = area (4) +
 * year (2) + batch + 中文版 1 + 三联 3 + 0; the number is 8 digits.
 */

const TYPE_SUFFIX: Partial<Record<InvoiceType, string>> = { 'e-special': '13', 'e-ordinary': '11', 'vat-ordinary': '04' };

export function isDigital(type: InvoiceType): boolean {
  return type === 'digital-special' || type === 'digital-ordinary';
}

export function invoiceKeyOf(code: string, number: string): string {
  return code === '' ? number : `${code}-${number}`;
}

export class InvoiceNumbers {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  private digits(count: number): string {
    let out = '';
    while (out.length < count) out += String(this.rng.int(0, 9));
    return out;
  }

  /** Gives the invoice a fresh code and number matching its type, date and seller. */
  issue(invoice: Invoice): void {
    const { code, number } = this.next(invoice.type, invoice.issuedOn, invoice.seller);
    invoice.code = code;
    invoice.number = number;
  }

  /** Marks a key as taken (an invoice copied by a defect keeps its original key). */
  reserve(code: string, number: string): void {
    this.used.add(invoiceKeyOf(code, number));
  }

  has(code: string, number: string): boolean {
    return this.used.has(invoiceKeyOf(code, number));
  }

  private next(type: InvoiceType, date: string, seller: Company): { code: string; number: string } {
    const year = date.slice(2, 4);
    for (;;) {
      let code = '';
      let number: string;
      if (isDigital(type)) {
        number = `${year}${seller.city.einvoiceRegion}2${'0000'}${this.digits(11)}`;
      } else {
        const area = seller.division.slice(0, 4);
        code =
          type === 'vat-special'
            ? `${area}${year}${String(this.rng.int(1, 3))}130`
            : `0${area}${year}${String(this.rng.int(1, 2))}${this.digits(2)}${TYPE_SUFFIX[type] ?? '04'}`;
        number = this.digits(8);
      }
      const key = invoiceKeyOf(code, number);
      if (!this.used.has(key)) {
        this.used.add(key);
        return { code, number };
      }
    }
  }
}
