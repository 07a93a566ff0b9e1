import { CheckOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { INSPECTION_STATUSES, type InspectionStatus } from '@shared/codes/codes';
import { INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import { STATUS_COLOR, STATUS_KEY } from './status-style';

/** The four findings on site as large targets for a finger (and keys 1–4); the chosen one filled. */
export function StatusButtons({ value, onChoose }: { value: InspectionStatus | null; onChoose: (status: InspectionStatus) => void }) {
  return (
    <div role="radiogroup" aria-label="核查结果" style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 10 }}>
      {INSPECTION_STATUSES.map((status) => {
        const chosen = value === status;
        return (
          <Button
            key={status}
            role="radio"
            aria-checked={chosen}
            color={STATUS_COLOR[status]}
            variant={chosen ? 'solid' : 'outlined'}
            icon={chosen ? <CheckOutlined /> : undefined}
            onClick={() => onChoose(status)}
            style={{ position: 'relative', height: 64, fontSize: 17, fontWeight: chosen ? 600 : 400, whiteSpace: 'normal', lineHeight: 1.2, paddingInline: 8 }}
            data-testid={`status-${status}`}
          >
            {INSPECTION_STATUS_LABEL[status]}
            {/* The key in the corner, out of the label's way on a narrow screen. */}
            <span aria-hidden style={{ position: 'absolute', top: 4, right: 8, fontSize: 12, opacity: 0.7 }}>
              {STATUS_KEY[status]}
            </span>
          </Button>
        );
      })}
    </div>
  );
}
