import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAppSelector } from '../hooks';

/** Renders its children for a signed-in user; anyone else goes to the login page, and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const signedIn = useAppSelector((state) => state.auth.refreshToken !== null);
  const location = useLocation();
  if (!signedIn) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  return children;
}
