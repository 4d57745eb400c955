import type { ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import InboxIcon from '@mui/icons-material/Inbox';
import ArticleIcon from '@mui/icons-material/Article';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import SettingsIcon from '@mui/icons-material/Settings';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import SchoolIcon from '@mui/icons-material/School';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { isSupervisorScreen, type Route, type ScreenId, type SupervisorScreenId } from './navigation';

const NAV_WIDTH = 220;

const NAV_ITEMS: { screen: ScreenId; icon: ReactNode }[] = [
  { screen: 'queue', icon: <InboxIcon /> },
  { screen: 'case', icon: <ArticleIcon /> },
  { screen: 'attention', icon: <ReportProblemIcon /> },
  { screen: 'settings', icon: <SettingsIcon /> },
];

/** Entries for agents only (Practice). */
const AGENT_NAV_ITEMS: { screen: ScreenId; icon: ReactNode }[] = [{ screen: 'practice', icon: <SchoolIcon /> }];

/** The Supervisor section, in this order; supervision features add their screens here. */
const SUPERVISOR_NAV_ITEMS: { screen: SupervisorScreenId; icon: ReactNode }[] = [
  { screen: 'reassign', icon: <SwapHorizIcon /> },
];

type Props = {
  route: Route;
  onNavigate: (route: Route) => void;
  /** The case the agent last had open, so the Case entry takes them back to it from any screen. */
  lastCase?: Extract<Route, { screen: 'case' }> | null;
  children: ReactNode;
  /** Status and tools a feature puts in the app bar (sync indicator, shortcuts help). */
  toolbarExtras?: ReactNode;
  /** Counts shown on navigation entries (items needing attention). */
  navBadges?: Partial<Record<ScreenId, number>>;
  /** Supervisors and admins see the Supervisor section; agents never do. */
  showSupervisor?: boolean;
  /** Agents see Practice (issue 16). */
  showPractice?: boolean;
};

export function AppShell({
  route,
  onNavigate,
  lastCase = null,
  children,
  toolbarExtras,
  navBadges,
  showSupervisor = false,
  showPractice = false,
}: Props) {
  const { t } = useTranslation('app');
  const go = (screen: ScreenId) => {
    if (
      screen === 'queue' ||
      screen === 'attention' ||
      screen === 'settings' ||
      screen === 'practice' ||
      isSupervisorScreen(screen)
    )
      onNavigate({ screen });
    else if (lastCase !== null) onNavigate(lastCase);
  };
  const entry = ({ screen, icon }: { screen: ScreenId; icon: ReactNode }) => (
    <ListItem key={screen} disablePadding>
      <ListItemButton
        selected={route.screen === screen}
        aria-current={route.screen === screen ? 'page' : undefined}
        // Until a case has been opened the case slot has nothing to show.
        disabled={screen === 'case' && route.screen !== 'case' && lastCase === null}
        onClick={() => go(screen)}
      >
        <ListItemIcon>
          {navBadges?.[screen] ? (
            <Badge badgeContent={navBadges[screen]} color="error">
              {icon}
            </Badge>
          ) : (
            icon
          )}
        </ListItemIcon>
        <ListItemText primary={t(`nav.${screen}`)} />
      </ListItemButton>
    </ListItem>
  );
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography component="div" variant="h6" sx={{ flexGrow: 1 }}>
            {t('app.name')}
          </Typography>
          {toolbarExtras}
          <LanguageSwitcher />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <nav aria-label={t('nav.label')}>
          <List>
            {NAV_ITEMS.map(entry)}
            {showPractice && AGENT_NAV_ITEMS.map(entry)}
          </List>
          {showSupervisor && (
            <List
              aria-labelledby="nav-supervisor"
              subheader={<ListSubheader id="nav-supervisor">{t('nav.supervisor')}</ListSubheader>}
            >
              {SUPERVISOR_NAV_ITEMS.map(entry)}
            </List>
          )}
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', p: 2, pt: 0 }}>
        <Toolbar />
        <Box sx={{ flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column', pt: 2 }}>{children}</Box>
      </Box>
    </Box>
  );
}
