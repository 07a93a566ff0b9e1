import { AuditLogCard } from './AuditLogCard';
import { MyReviewerCard } from './identity/MyReviewerCard';
import { PanelMembersCard } from './identity/PanelMembersCard';
import { useMyReviewer } from './identity/use-my-reviewer';

export function SettingsPage() {
  const mine = useMyReviewer();
  return (
    <>
      <MyReviewerCard />
      {mine.data?.reviewer?.role === 'chair' && <PanelMembersCard />}
      <AuditLogCard />
    </>
  );
}
