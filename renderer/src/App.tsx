import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './app/AppFrame';
import { AboutPage } from './pages/AboutPage';
import { AreaIntroPage } from './pages/AreaIntroPage';
import { SettingsPage } from './pages/SettingsPage';

export function App() {
  return (
    <AppFrame>
      <Routes>
        <Route path="/" element={<Navigate to="/batches" replace />} />
        {['batches', 'projects', 'invoices', 'scoring', 'summary', 'reports', 'policies'].map((area) => (
          <Route key={area} path={`/${area}`} element={<AreaIntroPage area={area} />} />
        ))}
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/about" element={<AboutPage />} />
        <Route path="*" element={<Navigate to="/batches" replace />} />
      </Routes>
    </AppFrame>
  );
}
