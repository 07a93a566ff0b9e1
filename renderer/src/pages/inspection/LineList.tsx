import { Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { InspectionLine } from '@shared/api/inspection-contract';
import type { InspectionStatus } from '@shared/codes/codes';
import { INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import { yuan } from '../../format';
import { quantityText } from './LineFacts';
import { STATUS_COLOR } from './status-style';

interface Props {
  lines: InspectionLine[];
  /** Status as on screen (a choice on its way to the core shows at once). */
  statusOf: (line: InspectionLine) => InspectionStatus | null;
  current: number;
  height: number;
  onJump: (index: number) => void;
}

/** Every line with its status, to see what is left and jump to it. */
export function LineList({ lines, statusOf, current, height, onJump }: Props) {
  const list = useRef<HTMLElement | null>(null);
  const currentRow = useRef<HTMLButtonElement | null>(null);
  // Keeps the current line in view inside the list only (scrollIntoView would scroll the page too).
  useEffect(() => {
    const nav = list.current;
    const row = currentRow.current;
    if (!nav || !row) return;
    if (row.offsetTop < nav.scrollTop) nav.scrollTop = row.offsetTop;
    else if (row.offsetTop + row.offsetHeight > nav.scrollTop + nav.clientHeight) nav.scrollTop = row.offsetTop + row.offsetHeight - nav.clientHeight;
  }, [current]);
  return (
    <nav
      ref={list}
      aria-label="设备清单"
      style={{ position: 'relative', height, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}
      data-testid="line-list"
    >
      {lines.map((line, index) => {
        const status = statusOf(line);
        const isCurrent = index === current;
        return (
          <button
            key={line.id}
            ref={isCurrent ? currentRow : undefined}
            type="button"
            aria-current={isCurrent ? 'true' : undefined}
            onClick={() => onJump(index)}
            style={{
              display: 'flex',
              width: '100%',
              alignItems: 'center',
              gap: 6,
              minHeight: 44,
              padding: '6px 10px',
              border: 'none',
              borderBottom: '1px solid #f5f5f5',
              borderLeft: `3px solid ${isCurrent ? '#1677ff' : 'transparent'}`,
              background: isCurrent ? '#e6f4ff' : 'transparent',
              textAlign: 'left',
              cursor: 'pointer',
              font: 'inherit',
            }}
          >
            <Typography.Text type="secondary" style={{ width: 24, flex: 'none' }}>
              {index + 1}
            </Typography.Text>
            {/* The same equipment may be bought on several contracts: quantity and amount tell the lines apart. */}
            <span style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text ellipsis style={{ display: 'block' }}>
                {line.name}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {quantityText(line)} · <span className="money">{yuan(line.amount)}</span> 元
              </Typography.Text>
            </span>
            {status ? (
              <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
                {INSPECTION_STATUS_LABEL[status]}
              </Tag>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                未核查
              </Typography.Text>
            )}
          </button>
        );
      })}
    </nav>
  );
}
