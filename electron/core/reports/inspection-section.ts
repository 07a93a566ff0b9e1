import { formatYuan } from '@shared/domain/money';
import type { InspectionRecord } from './inspection-record';
import type { ReportWriter } from './report-writer';

/** The stored downscaled copy of a photo by the SHA-256 of its original; undefined when it cannot be read. */
export type PhotoThumbnails = (sha256: string) => Buffer | undefined;

/**
 * 现场核查记录 in the acceptance report: one block per equipment line (what was claimed, each
 * expert's observation, the photos with who took them and when, the proposed 核减 and what was
 * decided), then the indicators. Left out entirely when nobody recorded anything on site.
 */
export function drawInspection(w: ReportWriter, record: InspectionRecord | undefined, thumbnails: PhotoThumbnails): void {
  if (!record) return;
  w.heading('附：现场核查记录');
  w.paragraph('专家在现场逐项核对合同和发票所列设备（是否在场、是否运行、型号与数量、铭牌编号），并拍照留证；照片下注明拍摄专家与拍摄时间。', { size: 9 });
  record.lines.forEach((line, index) => {
    const claimed = [line.model ? `型号 ${line.model}` : '', `数量 ${line.quantity}`, `金额 ${formatYuan(line.amount)} 元`, `合同 ${line.contractNo}`, line.supplier]
      .filter((part) => part !== '')
      .join('，');
    w.paragraph(`${String(index + 1)}. ${line.name}（${claimed}；发票 ${line.invoices || '—'}）`, { bold: true, size: 9 });
    if (line.observations.length === 0) {
      w.paragraph('尚无专家核查。', { size: 9, indent: 12, color: '#c00000' });
      return;
    }
    w.table(
      [
        { title: '专家', width: 0.1 },
        { title: '现场状态', width: 0.12 },
        { title: '清点数量', width: 0.09, align: 'right' },
        { title: '现场型号', width: 0.13 },
        { title: '铭牌编号', width: 0.13 },
        { title: '说明', width: 0.29 },
        { title: '核查时间', width: 0.14 },
      ],
      line.observations.map((o) => [o.expert, o.status, o.quantitySeen, o.modelSeen, o.serialNumber, o.note, o.observedAt]),
    );
    const photos = line.observations.flatMap((o) => o.photos.map((p) => ({ image: thumbnails(p.sha256), caption: `${o.expert} ${p.caption}` })));
    if (photos.length > 0) w.photoStrip(photos);
    for (const proposal of line.proposals) w.paragraph(proposal, { size: 9, indent: 12 });
    if (line.decision) w.paragraph(`认定情况：${line.decision}`, { size: 9, indent: 12 });
  });
  if (record.indicators.length === 0) return;
  w.paragraph('绩效指标：', { bold: true, size: 9 });
  w.table(
    [
      { title: '类别', width: 0.1 },
      { title: '指标', width: 0.22 },
      { title: '目标值', width: 0.13 },
      { title: '申报完成值', width: 0.13 },
      { title: '现场核查值', width: 0.42 },
    ],
    record.indicators.map((i) => [i.category, i.name, i.target, i.claimed, i.observed.join('\n') || '尚未核查']),
  );
}
