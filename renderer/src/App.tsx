import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './app/AppFrame';
import { AboutPage } from './pages/AboutPage';
import { SettingsPage } from './pages/SettingsPage';
import { BatchesPage } from './pages/batches/BatchesPage';
import { ProjectWorkspace } from './pages/projects/ProjectWorkspace';
import { ProjectsPage } from './pages/projects/ProjectsPage';
import { PoliciesPage } from './pages/policies/PoliciesPage';
import { InvoiceVerificationPage } from './pages/invoices/InvoiceVerificationPage';
import { InspectionPage } from './pages/inspection/InspectionPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { ScoringPage } from './pages/scoring/ScoringPage';
import { SummaryPage } from './pages/summary/SummaryPage';

export function App() {
  return (
    <AppFrame>
      <Routes>
        <Route path="/" element={<Navigate to="/batches" replace />} />
        <Route path="/scoring" element={<ScoringPage />} />
        <Route path="/summary" element={<SummaryPage />} />
        <Route path="/batches" element={<BatchesPage />} />
        <Route path="/projects" element={<ProjectsPage />} />
        <Route path="/projects/:batchId/:projectId" element={<ProjectWorkspace />} />
        <Route path="/invoices" element={<InvoiceVerificationPage />} />
        <Route path="/inspection" element={<InspectionPage />} />
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/policies" element={<PoliciesPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/about" element={<AboutPage />} />
        <Route path="*" element={<Navigate to="/batches" replace />} />
      </Routes>
    </AppFrame>
  );
}
