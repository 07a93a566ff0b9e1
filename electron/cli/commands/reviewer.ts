import { AppError } from '@shared/api/errors';
import { formatFingerprintForReading } from '@shared/identity/fingerprint-text';
import { MIN_PASSPHRASE_LENGTH } from '@shared/identity/reviewer-profile';
import fs from 'node:fs';
import path from 'node:path';
import { P12_PASSPHRASE_VARIABLE, readPassphrase } from '../read-passphrase';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const create: CliSubcommand = {
  name: 'create',
  summary: '创建本机的评审人身份（密钥与证书）；口令取自环境变量 JIGAI_PASSPHRASE，否则在终端输入',
  usage: 'jigai reviewer create --name 姓名 --org 单位 [--field 专业领域] --role expert|chair [--data 目录] [--json]',
  options: { name: { type: 'string' }, org: { type: 'string' }, field: { type: 'string' }, role: { type: 'string' } },
  async run({ values, openCore }) {
    if (typeof values.name !== 'string') throw new AppError('BAD_INPUT', '请用 --name 指定评审人姓名');
    if (typeof values.org !== 'string') throw new AppError('BAD_INPUT', '请用 --org 指定评审人单位');
    if (values.role !== 'expert' && values.role !== 'chair') throw new AppError('BAD_INPUT', '请用 --role 指定角色：expert（专家）或 chair（组长）');
    const passphrase = await readPassphrase(`请设置口令（至少 ${String(MIN_PASSPHRASE_LENGTH)} 个字符，输入时不显示）：`);
    const reviewer = await openCore().api.createMyReviewer({
      name: values.name,
      organization: values.org,
      field: typeof values.field === 'string' ? values.field : '',
      role: values.role,
      passphrase,
    });
    const fingerprint = reviewer.fingerprint.replace(/ /gu, '').toLowerCase();
    return {
      json: { id: reviewer.id, fingerprint },
      text: `已创建评审人身份：${reviewer.name}（${reviewer.organization}）\n证书指纹（请交组长核对）：${formatFingerprintForReading(fingerprint)}`,
    };
  },
};

const importP12: CliSubcommand = {
  name: 'import-p12',
  summary: `导入单位的 PKCS#12 证书文件（.p12/.pfx），此后用它签署 PDF 报告；文件口令取自 ${P12_PASSPHRASE_VARIABLE}，评审人口令取自 JIGAI_PASSPHRASE，否则在终端输入`,
  usage: 'jigai reviewer import-p12 证书文件 [--data 目录] [--json]',
  options: {},
  async run({ positionals, openCore }) {
    const [file] = positionals;
    if (file === undefined) throw new AppError('BAD_INPUT', '请指定要导入的证书文件（.p12 或 .pfx）');
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('NOT_FOUND', `读不到证书文件「${file}」`);
    }
    const filePassphrase = await readPassphrase('请输入证书文件的口令（输入时不显示）：', P12_PASSPHRASE_VARIABLE);
    const passphrase = await readPassphrase('请输入评审人口令（输入时不显示）：');
    const { certificate } = await openCore().api.importSigningCertificate({
      base64: bytes.toString('base64'),
      filePassphrase,
      passphrase,
      fileName: path.basename(file),
    });
    const fingerprint = certificate.fingerprint.replace(/ /gu, '').toLowerCase();
    return {
      json: { ...certificate, fingerprint },
      text: `已导入签名证书：${certificate.subject}（${certificate.organization || '—'}），颁发者 ${certificate.issuer || '—'}，有效期至 ${certificate.notAfter.slice(0, 10)}\n此后签署的 PDF 报告使用该证书。证书指纹：${formatFingerprintForReading(fingerprint)}`,
    };
  },
};

export const reviewerCommand = commandWithSubcommands('reviewer', '评审人身份：创建本机的评审人身份，导入单位签名证书', [create, importP12]);
