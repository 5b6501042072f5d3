import type { PaymentsConfig } from '../config.js';

/** A certificate's price in whole pesos: the subtotal before IVA, the IVA, and what is paid. */
export interface Price {
  priceCop: number;
  vatCop: number;
  totalCop: number;
}

/** What an applicant pays for a request and how: the reference is the request's order number. */
export interface PaymentDue extends Price {
  reference: string;
  bankAccount: string | null;
  /** The configured payment link with this request's reference and amount in it; null when none is configured. */
  link: string | null;
}

/**
 * The price list (CERTIFICATE_PRICES_COP, IVA at VAT_PERCENT) and the payment instructions
 * (PAYMENT_BANK_ACCOUNT, PAYMENT_LINK_TEMPLATE). Prices are whole pesos: IVA is rounded to the
 * peso (half up), as DIAN's electronic invoices round a line's tax.
 */
export class PriceList {
  constructor(private readonly config: Pick<PaymentsConfig, 'pricesCop' | 'defaultPriceCop' | 'vatPercent' | 'bankAccount' | 'linkTemplate'>) {}

  get vatPercent(): number {
    return this.config.vatPercent;
  }

  get bankAccount(): string | null {
    return this.config.bankAccount || null;
  }

  get linkTemplate(): string | null {
    return this.config.linkTemplate;
  }

  priceOf(certificateTypeCode: string): Price {
    const priceCop = this.config.pricesCop[certificateTypeCode] ?? this.config.defaultPriceCop;
    const vatCop = Math.round((priceCop * this.config.vatPercent) / 100);
    return { priceCop, vatCop, totalCop: priceCop + vatCop };
  }

  due(certificateTypeCode: string, orderNumber: string | number): PaymentDue {
    const price = this.priceOf(certificateTypeCode);
    const reference = String(orderNumber);
    const link = this.config.linkTemplate
      ? this.config.linkTemplate
          .replaceAll('{reference}', encodeURIComponent(reference))
          .replaceAll('{amountInCents}', String(price.totalCop * 100))
          .replaceAll('{amountCop}', String(price.totalCop))
      : null;
    return { ...price, reference, bankAccount: this.bankAccount, link };
  }
}

/** Pesos as Colombians write them: "$ 190.400" (es-CO, no decimals). */
export function formatCop(pesos: number): string {
  return new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(pesos);
}
