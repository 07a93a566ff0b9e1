import { fenToMoney } from '@shared/domain';
import { documentOf } from './invoice-math';
import type { Invoice } from './model';

/**
 * The 数电 XML data file of an invoice, element for element in the structure of the official
 * sample (fixtures/einvoice/shudian-special-official-sample.xml, the Ministry of Finance e-voucher
 * standard): Header/InherentLabel, Seller/Buyer information, BasicInformation totals and words,
 * one IssuItemInformation per line, TaxSupervisionInfo and an (unsigned) TaxBureauSignature.
 *
 * Red invoices carry InIssuType N and SpecificInformation/RedEInvoice naming the blue invoice.
 * The official sample is blue, so the child names inside RedEInvoice (OriginalInvoiceNumber,
 * RedInvoiceFormNumber) are this generator's reading, not confirmed by a published file.
 */

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/gu, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] ?? ch);
}

/** `1850.00` → `1850`, `12.50` → `12.5`: unit prices and quantities print without trailing zeros. */
function trimmed(fen: number): string {
  return fenToMoney(fen).replace(/\.?0+$/u, '');
}

function sixDecimals(fen: number): string {
  return `${fenToMoney(fen)}0000`;
}

function clock(second: number): string {
  const h = Math.floor(second / 3600) % 24;
  const m = Math.floor(second / 60) % 60;
  const s = second % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

export function buildEInvoiceXml(invoice: Invoice): string {
  const doc = documentOf(invoice);
  const { seller, buyer } = invoice;
  const special = invoice.type === 'digital-special';
  const red = invoice.reverses !== undefined;
  const x = escapeXml;
  const issueTime = `${invoice.issuedOn} ${clock(invoice.issueSecond)}`;
  const signatureTime = `${invoice.issuedOn} ${clock(invoice.issueSecond + 20 + (invoice.id % 70))}`;
  const rate = (invoice.ratePercent / 100).toFixed(6);
  const remark = red
    ? `被红冲蓝字数电发票号码：${invoice.reverses?.number ?? ''} 红字发票信息确认单编号：${invoice.redFormNumber ?? ''}`
    : invoice.contract
      ? `合同编号：${invoice.contract.no}`
      : '';

  const items = doc.lines
    .map(
      (line) => `    <IssuItemInformation>
      <ItemName>${x(invoice.item.name)}</ItemName>
      <SpecMod>${x(line.spec)}</SpecMod>
      <MeaUnits>${x(invoice.item.unit)}</MeaUnits>
      <Quantity>${String(line.quantity)}</Quantity>
      <UnPrice>${trimmed(line.unitPriceFen)}</UnPrice>
      <Amount>${fenToMoney(line.amountFen)}</Amount>
      <TaxRate>${rate}</TaxRate>
      <ComTaxAm>${sixDecimals(line.taxFen)}</ComTaxAm>
      <TotaltaxIncludedAmount>${sixDecimals(line.amountFen + line.taxFen)}</TotaltaxIncludedAmount>
      <TaxClassificationCode>${invoice.item.taxCode}</TaxClassificationCode>
    </IssuItemInformation>`,
    )
    .join('\n');

  const specific = red
    ? `    <SpecificInformation>
      <RedEInvoice>
        <OriginalInvoiceNumber>${x(invoice.reverses?.number ?? '')}</OriginalInvoiceNumber>
        <RedInvoiceFormNumber>${x(invoice.redFormNumber ?? '')}</RedInvoiceFormNumber>
      </RedEInvoice>
    </SpecificInformation>`
    : '    <SpecificInformation />';

  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<EInvoice>
  <Header>
    <EIid>${x(invoice.number)}</EIid>
    <EInvoiceTag>SWEI${seller.city.bureauArea}</EInvoiceTag>
    <Version>0.2</Version>
    <InherentLabel>
      <InIssuType>
        <LabelCode>${red ? 'N' : 'Y'}</LabelCode>
        <LabelName>是否蓝字发票标志</LabelName>
      </InIssuType>
      <EInvoiceType>
        <LabelCode>01</LabelCode>
        <LabelName>电子发票</LabelName>
      </EInvoiceType>
      <GeneralOrSpecialVAT>
        <LabelCode>${special ? '01' : '02'}</LabelCode>
        <LabelName>${special ? '增值税专用发票' : '普通发票'}</LabelName>
      </GeneralOrSpecialVAT>
      <TaxpayerType>
        <LabelCode>${seller.smallScale ? '2' : '1'}</LabelCode>
        <LabelName>${seller.smallScale ? '小规模纳税人' : '一般纳税人'}</LabelName>
      </TaxpayerType>
    </InherentLabel>
    <UndefinedLabel>
      <Label>
        <LabelType>企业行业性质类标签</LabelType>
        <LabelCode>01</LabelCode>
        <LabelName>一般行业</LabelName>
      </Label>
      <Label>
        <LabelType>发票开具方式标签</LabelType>
        <LabelCode>1</LabelCode>
        <LabelName>网页开票</LabelName>
      </Label>
    </UndefinedLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation>
      <SellerIdNum>${x(seller.code)}</SellerIdNum>
      <SellerName>${x(seller.name)}</SellerName>
      <SellerAddr>${x(seller.address)}</SellerAddr>
      <SellerTelNum>${x(seller.phone)}</SellerTelNum>
      <SellerBankName>${x(seller.bank)}</SellerBankName>
      <SellerBankAccNum>${x(seller.bankAccount)}</SellerBankAccNum>
    </SellerInformation>
    <BuyerInformation>
      <BuyerIdNum>${x(buyer.code)}</BuyerIdNum>
      <BuyerName>${x(buyer.name)}</BuyerName>
      <BuyerAddr>${special ? x(buyer.address) : ''}</BuyerAddr>
      <BuyerTelNum>${special ? x(buyer.phone) : ''}</BuyerTelNum>
      <BuyerBankName>${special ? x(buyer.bank) : ''}</BuyerBankName>
      <BuyerBankAccNum>${special ? x(buyer.bankAccount) : ''}</BuyerBankAccNum>
      <BuyerHandlingName></BuyerHandlingName>
    </BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>${fenToMoney(doc.amountFen)}</TotalAmWithoutTax>
      <TotalTaxAm>${fenToMoney(doc.taxFen)}</TotalTaxAm>
      <TotalTax-includedAmount>${fenToMoney(doc.totalFen)}</TotalTax-includedAmount>
      <TotalTax-includedAmountInChinese>${x(doc.words)}</TotalTax-includedAmountInChinese>
      <Drawer>${x(invoice.drawer)}</Drawer>
      <RequestTime>${invoice.issuedOn}</RequestTime>
    </BasicInformation>
${items}
${specific}
    <AdditionalInformation>
      <Remark>${x(remark)}</Remark>
    </AdditionalInformation>
  </EInvoiceData>
  <SellerAuthentication>
    <AuthenticationMethods>02</AuthenticationMethods>
  </SellerAuthentication>
  <TaxSupervisionInfo>
    <InvoiceNumber>${x(invoice.number)}</InvoiceNumber>
    <IssueTime>${issueTime}</IssueTime>
    <TaxBureauCode>1${seller.city.bureauArea}000000</TaxBureauCode>
    <TaxBureauName>${x(seller.city.bureauName)}</TaxBureauName>
  </TaxSupervisionInfo>
  <TaxBureauSignature>
    <Reference URI="/Einvoice/Header|/Einvoice/EinvoiceData|/Einvoice/SellerAuthentication|/Einvoice/TaxSupervisionInfo|/Einvoice/TaxBureauSignature/SignatureTime" />
    <SignatureAlgorithm>1.2.156.10197.1.501</SignatureAlgorithm>
    <SignatureFormat>DETACH</SignatureFormat>
    <SignatureTime>${signatureTime}</SignatureTime>
    <SignatureValue></SignatureValue>
    <KeyInfo />
  </TaxBureauSignature>
</EInvoice>`;
}
