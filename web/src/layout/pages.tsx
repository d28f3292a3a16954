import {
  DashboardOutlined,
  SwapOutlined,
  FieldTimeOutlined,
  SafetyOutlined,
  SettingOutlined,
  ClusterOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ArbitragePage } from '../pages/ArbitragePage';
import { DashboardPage } from '../pages/DashboardPage';
import { RiskPage } from '../pages/RiskPage';
import { SettingsPage } from '../pages/SettingsPage';
import { SystemPage } from '../pages/SystemPage';
import { TwapPage } from '../pages/TwapPage';

/** The signed-in pages: their path, side-menu entry and component, in menu order. */
export const PAGES: { path: string; label: string; icon: ReactNode; element: ReactNode }[] = [
  { path: '/dashboard', label: 'Dashboard', icon: <DashboardOutlined />, element: <DashboardPage /> },
  { path: '/arbitrage', label: 'Arbitrage', icon: <SwapOutlined />, element: <ArbitragePage /> },
  { path: '/twap', label: 'TWAP', icon: <FieldTimeOutlined />, element: <TwapPage /> },
  { path: '/risk', label: 'Risk', icon: <SafetyOutlined />, element: <RiskPage /> },
  { path: '/settings', label: 'Settings', icon: <SettingOutlined />, element: <SettingsPage /> },
  { path: '/system', label: 'System', icon: <ClusterOutlined />, element: <SystemPage /> },
];
