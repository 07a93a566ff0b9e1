import { Alert, Button } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMyReviewer } from './use-my-reviewer';

/**
 * On first use (no reviewer identity in this data folder yet) every page says so and leads to the
 * identity form, so no decision or score is ever recorded without a name. Not a dialog: the
 * reviewer may look around first, but the way to their identity is always one click away.
 */
export function FirstRunPrompt() {
  const mine = useMyReviewer();
  const navigate = useNavigate();
  const location = useLocation();
  if (!mine.data || mine.data.reviewer || location.pathname.startsWith('/settings')) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message="欢迎使用。请先填写您的评审人身份（姓名、单位、专业领域和口令）"
      description="发票认定、回避声明、评分和报告签名都以您的姓名记录；只需填写一次。"
      action={
        <Button type="primary" onClick={() => void navigate('/settings')}>
          填写评审人身份
        </Button>
      }
      data-testid="first-run-prompt"
    />
  );
}
