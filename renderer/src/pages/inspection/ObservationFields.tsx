import { Col, Input, InputNumber, Row, Typography } from 'antd';
import type { InspectionLine } from '@shared/api/inspection-contract';
import { isQuantity, type LineDraft } from './line-draft';
import { quantityText } from './LineFacts';

interface Props {
  line: InspectionLine;
  draft: LineDraft | null;
  onChange: (change: Partial<LineDraft>) => void;
  /** The field was left: save now rather than after the pause. */
  onLeave: () => void;
}

/**
 * 现场数量 and 现场型号 (asked for with 型号或数量不符), 铭牌编号 where something was seen, and a note.
 * Until a status is chosen there is nothing to attach them to, so they wait for it.
 */
export function ObservationFields({ line, draft, onChange, onLeave }: Props) {
  const disabled = draft === null;
  const different = draft?.status === 'different';
  const seen = draft !== null && draft.status !== 'not-found';
  const quantityWrong = draft !== null && !isQuantity(draft.quantitySeen);
  return (
    <Row gutter={[12, 8]}>
      {different && (
        <>
          <Col span={12}>
            <label>
              <Typography.Text>现场清点数量（发票 {quantityText(line)}）</Typography.Text>
              <InputNumber<string>
                stringMode
                min="0"
                size="large"
                style={{ width: '100%' }}
                placeholder="现场实有数量"
                status={quantityWrong || draft.quantitySeen === '' ? 'warning' : undefined}
                value={draft.quantitySeen === '' ? null : draft.quantitySeen}
                onChange={(value) => onChange({ quantitySeen: value ?? '' })}
                onBlur={onLeave}
                data-testid="quantity-seen"
              />
            </label>
          </Col>
          <Col span={12}>
            <label>
              <Typography.Text>现场型号（发票 {line.model ?? '未注明'}）</Typography.Text>
              <Input
                size="large"
                placeholder="铭牌上的型号"
                value={draft.modelSeen}
                onChange={(e) => onChange({ modelSeen: e.target.value })}
                onBlur={onLeave}
                data-testid="model-seen"
              />
            </label>
          </Col>
        </>
      )}
      {(seen || disabled) && (
        <Col span={12}>
          <label>
            <Typography.Text>铭牌编号</Typography.Text>
            <Input
              size="large"
              disabled={disabled}
              placeholder={disabled ? '先选择核查结果' : '铭牌上的出厂编号'}
              value={draft?.serialNumber ?? ''}
              onChange={(e) => onChange({ serialNumber: e.target.value })}
              onBlur={onLeave}
              data-testid="serial-number"
            />
          </label>
        </Col>
      )}
      <Col span={seen || disabled ? 12 : 24}>
        <label>
          <Typography.Text>说明</Typography.Text>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            disabled={disabled}
            placeholder={disabled ? '先选择核查结果' : '现场情况，如安装位置、未运行的原因'}
            value={draft?.note ?? ''}
            onChange={(e) => onChange({ note: e.target.value })}
            onBlur={onLeave}
            style={{ fontSize: 16 }}
            data-testid="line-note"
          />
        </label>
      </Col>
      {quantityWrong && (
        <Col span={24}>
          <Typography.Text type="danger">现场数量应为数字，如 2 或 1.5</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
