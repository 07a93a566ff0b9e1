import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import type { InspectionLine } from '@shared/api/inspection-contract';
import { yuan } from '../../format';

/**
 * What 未见 / 型号或数量不符 proposes: a 核减 of the part not seen, with how it was computed. It is a
 * proposal: the reviewer decides it on the invoices in 发票核验, where the finding now shows.
 */
export function ProposedReduction({ batchId, projectId, line }: { batchId: string; projectId: string; line: InspectionLine }) {
  const navigate = useNavigate();
  if (line.proposedReduction === null) return null;
  const numbers = line.invoices.map((i) => i.number).join('、');
  // 发票核验 opens on the line's first invoice, where the finding and its suggested 核减 are.
  const firstRow = line.invoices[0]?.rowNo;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="proposed-reduction"
      message={
        <span>
          建议核减 <strong className="money">{yuan(line.proposedReduction)}</strong> 元
        </span>
      }
      description={
        <>
          <div data-testid="proposal-explanation">{line.proposalExplanation}</div>
          <div>核减与否由评审专家在「发票核验」中对发票 {numbers} 作出结论。</div>
        </>
      }
      action={
        <Button
          size="large"
          onClick={() =>
            void navigate(
              `/invoices?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(projectId)}${firstRow === undefined ? '' : `&row=${String(firstRow)}`}`,
            )
          }
          data-testid="to-invoices"
        >
          去发票核验
        </Button>
      }
    />
  );
}
