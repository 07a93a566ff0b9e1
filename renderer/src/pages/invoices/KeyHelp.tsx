import { Modal, Table } from 'antd';
import { INVOICE_KEYS } from './use-invoice-keys';

const KEY_NAME: Record<string, string> = { arrowdown: '↓', arrowup: '↑', '/': '/' };

/** The `?` dialog: every key of the invoice list. */
export function KeyHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="按键说明" footer={null} onCancel={onClose} width={520}>
      <Table
        size="small"
        pagination={false}
        rowKey="action"
        dataSource={[...INVOICE_KEYS]}
        columns={[
          { title: '按键', dataIndex: 'keys', width: 110, render: (keys: string[]) => keys.map((k) => KEY_NAME[k] ?? k.toUpperCase()).join(' 或 ') },
          { title: '作用', dataIndex: 'text' },
        ]}
        footer={() => '在输入框中输入时按键不起作用；对话框中 Ctrl+Enter 确定，Esc 取消。'}
      />
    </Modal>
  );
}
