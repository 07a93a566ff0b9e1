import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMyReviewer } from './use-my-reviewer';

/** Scoring and decisions are recorded under the reviewer's identity: until it exists, say so and lead there. */
export function ReviewerRequired({ children, what }: { children: ReactNode; what: string }) {
  const mine = useMyReviewer();
  const navigate = useNavigate();
  if (mine.data && !mine.data.reviewer) {
    return (
      <Alert
        type="warning"
        showIcon
        message="请先创建评审人身份"
        description={`${what}都以您的评审人身份记录和签名。请在「设置 → 评审人身份」中填写姓名、单位并设定口令，只需一次。`}
        action={
          <Button type="primary" onClick={() => void navigate('/settings')}>
            去创建
          </Button>
        }
        data-testid="reviewer-required"
      />
    );
  }
  return <>{children}</>;
}
