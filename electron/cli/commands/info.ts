import type { CliCommand } from '../command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: '显示版本、数据文件夹、数据结构版本和数据统计',
  usage: 'jigai info [--data 数据文件夹] [--json]',
  options: {},
  async run({ openCore }) {
    const info = await openCore().api.getAppInfo({});
    const text = [
      `${info.productName} ${info.version}`,
      `数据文件夹：${info.dataDir}`,
      `数据库文件：${info.databaseFile}`,
      `数据结构版本：${String(info.schemaVersion)}（本程序最新 ${String(info.latestSchemaVersion)}）`,
      `评审批次：${String(info.counts.batches)}　项目：${String(info.counts.projects)}　发票：${String(info.counts.invoices)}`,
    ].join('\n');
    return { json: info, text };
  },
};
