import type { Dec } from '../domain/decimal';
import type { FindingSink } from './findings';
import { yuan, ZERO, type IndexedInvoice } from './project-index';
import type { RedLink } from './red-links';

/**
 * RED_INVOICE on a red (negative) invoice, naming the blue original when it is
 * found, and REVERSED_INVOICE on that original. Both are notices: the pair nets
 * in the verified investment (a full reversal to zero), so neither needs a decision.
 */
export function checkRedInvoices(links: ReadonlyMap<number, RedLink>, sink: FindingSink): void {
  const reversals = new Map<IndexedInvoice, RedLink[]>();
  for (const link of links.values()) {
    const { red, blue } = link;
    const own = `红字发票「${red.key}」（价税合计 ${shown(red.total)}）`;
    let message: string;
    if (blue) {
      const how = link.via === 'attachment' ? '据电子发票附件所载原发票号码' : '按同一销售方、同金额匹配';
      message = `${own}，${how}冲销第 ${blue.rowNo} 行蓝字发票「${blue.key}」（开票日期 ${blue.invoice.issuedOn}，价税合计 ${shown(blue.total)}）；两者在核定投资额中相互抵减`;
      const list = reversals.get(blue);
      if (list) list.push(link);
      else reversals.set(blue, [link]);
    } else if (link.originalNumber !== undefined) {
      message = `${own}，电子发票附件载明冲销的蓝字发票「${link.originalNumber}」不在本项目发票表中；红字金额按负数冲减核定投资额`;
    } else {
      message = `${own}，未在本项目找到同一销售方、同金额的蓝字发票；红字金额按负数冲减核定投资额`;
    }
    sink.invoice(red.rowNo, 'RED_INVOICE', 'info', message);
  }
  for (const [blue, reds] of reversals) {
    let reversed: Dec = ZERO;
    for (const link of reds) if (link.red.amount) reversed = reversed.plus(link.red.amount);
    const net = blue.amount ? blue.amount.plus(reversed) : undefined;
    const which = reds.map((l) => `第 ${l.red.rowNo} 行「${l.red.key}」`).join('、');
    const result = net === undefined ? '' : net.isZero() ? '，全额冲销，净额为零' : `，部分冲销，不含税净额 ${yuan(net)}`;
    sink.invoice(blue.rowNo, 'REVERSED_INVOICE', 'info', `本发票已被红字发票${which}冲销（不含税 ${yuan(reversed)}）${result}`);
  }
}

function shown(value: Dec | undefined): string {
  return value === undefined ? '无法读取' : yuan(value);
}
