import type { ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import InboxIcon from '@mui/icons-material/Inbox';
import ArticleIcon from '@mui/icons-material/Article';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import SettingsIcon from '@mui/icons-material/Settings';
import MenuIcon from '@mui/icons-material/Menu';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import SchoolIcon from '@mui/icons-material/School';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { isSupervisorScreen, type RecentCase, type Route, type ScreenId, type SupervisorScreenId } from './navigation';

const NAV_WIDTH = 220;
/** Icons only: the queue gets the width on a laptop screen (issue 14 item 16). */
const NAV_COLLAPSED_WIDTH = 60;
/** Below this window width the navigation starts collapsed; the agent can open it again. */
const WIDE_WINDOW = '(min-width: 1400px)';

/** Heard by screen readers, not shown: the folded navigation has no room for section titles. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

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
  /** Counts shown on navigation entries (actions the server refused); no badge at zero. */
  navBadges?: Partial<Record<ScreenId, number>>;
  /** The cases the agent opened last, newest first, each one click away. */
  recentCases?: readonly RecentCase[];
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
  recentCases = [],
  showSupervisor = false,
  showPractice = false,
}: Props) {
  const { t } = useTranslation('app');
  const isWide = useMediaQuery(WIDE_WINDOW, { noSsr: true });
  const [collapsedChoice, setCollapsedChoice] = useState<boolean | null>(null);
  const isCollapsed = collapsedChoice ?? !isWide;
  const width = isCollapsed ? NAV_COLLAPSED_WIDTH : NAV_WIDTH;
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
  const entry = ({ screen, icon }: { screen: ScreenId; icon: ReactNode }) => {
    const count = navBadges?.[screen] ?? 0;
    const name = t(`nav.${screen}`);
    const button = (
      <ListItemButton
        selected={route.screen === screen}
        aria-current={route.screen === screen ? 'page' : undefined}
        aria-label={count > 0 && screen === 'attention' ? t('nav.attentionCount', { count }) : name}
        // Until a case has been opened the case slot has nothing to show.
        disabled={screen === 'case' && route.screen !== 'case' && lastCase === null}
        onClick={() => go(screen)}
        sx={{ minHeight: 44 }}
      >
        <ListItemIcon sx={{ minWidth: isCollapsed ? 0 : 40 }}>
          {count > 0 ? (
            <Badge badgeContent={count} color="error" data-nav-badge={screen}>
              {icon}
            </Badge>
          ) : (
            icon
          )}
        </ListItemIcon>
        {!isCollapsed && <ListItemText primary={name} />}
      </ListItemButton>
    );
    return (
      <ListItem key={screen} disablePadding>
        {isCollapsed ? (
          <Tooltip title={name} placement="right">
            <Box sx={{ width: '100%' }}>{button}</Box>
          </Tooltip>
        ) : (
          button
        )}
      </ListItem>
    );
  };
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2, paddingInlineStart: 1 }}>
          <IconButton
            color="inherit"
            aria-label={isCollapsed ? t('nav.expand') : t('nav.collapse')}
            aria-expanded={!isCollapsed}
            onClick={() => setCollapsedChoice(!isCollapsed)}
          >
            <MenuIcon />
          </IconButton>
          <Typography component="div" variant="h6" sx={{ flexGrow: 1 }}>
            {t('app.name')}
          </Typography>
          {toolbarExtras}
          <LanguageSwitcher />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width, boxSizing: 'border-box', overflowX: 'hidden' },
        }}
      >
        <Toolbar variant="dense" />
        <nav aria-label={t('nav.label')}>
          <List>
            {NAV_ITEMS.map(entry)}
            {showPractice && AGENT_NAV_ITEMS.map(entry)}
          </List>
          {showSupervisor && (
            <List
              aria-labelledby="nav-supervisor"
              subheader={
                <ListSubheader id="nav-supervisor" sx={isCollapsed ? VISUALLY_HIDDEN : undefined}>
                  {t('nav.supervisor')}
                </ListSubheader>
              }
            >
              {SUPERVISOR_NAV_ITEMS.map(entry)}
            </List>
          )}
          {!isCollapsed && recentCases.length > 0 && (
            <List dense aria-labelledby="nav-recent" subheader={<RecentHeading />}>
              {recentCases.map((recent) => (
                <ListItem key={recent.caseId} disablePadding>
                  <ListItemButton
                    selected={route.screen === 'case' && route.caseId === recent.caseId}
                    aria-current={route.screen === 'case' && route.caseId === recent.caseId ? 'page' : undefined}
                    onClick={() => onNavigate({ screen: 'case', caseId: recent.caseId, caseRef: recent.caseRef })}
                    sx={{ paddingInlineStart: 2.5 }}
                  >
                    <ListItemText
                      primary={<bdi>{recent.caseRef}</bdi>}
                      secondary={recent.customerName === undefined ? null : <bdi>{recent.customerName}</bdi>}
                      slotProps={{
                        primary: { noWrap: true, sx: { fontSize: 13 } },
                        secondary: { noWrap: true, sx: { fontSize: 12 } },
                      }}
                    />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          )}
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', p: 2, pt: 0 }}>
        <Toolbar variant="dense" />
        <Box sx={{ flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column', pt: 1.5 }}>{children}</Box>
      </Box>
    </Box>
  );
}

function RecentHeading() {
  const { t } = useTranslation('app');
  return (
    <Typography id="nav-recent" variant="caption" component="h2" sx={{ px: 2, pt: 1, color: 'text.secondary' }}>
      {t('nav.recent')}
    </Typography>
  );
}
