/** Every API route, in one list: the router, the OpenAPI document and the authorization matrix use it. */
import type { Route } from '../http/route.js';
import { authRoutes } from './auth.js';
import { deploymentRoutes } from './deployments.js';
import { instanceRoutes } from './instances.js';
import { taskRoutes } from './tasks.js';
import { messageRoutes } from './messages.js';
import { jobRoutes } from './jobs.js';
import { operationRoutes } from './operations.js';
import { identityRoutes } from './identity.js';
import { loginPageRoutes } from './loginPage.js';
import { calendarRoutes } from './calendars.js';
import { notificationRoutes } from './notifications.js';
import { customerRoutes } from './customers.js';
import { taskEventRoutes } from './taskEvents.js';
import { taskHistoryRoutes } from './taskHistory.js';
import { colleagueRoutes } from './colleagues.js';
import { accountRoutes } from './accounts.js';
import { monitorRoutes } from './monitor.js';
import { scenarioRoutes } from './scenarios.js';
import { rehearsalRoutes } from './rehearsals.js';
import { rehearsalReadRoutes } from './rehearsalReads.js';
import { startFormRoutes } from './startForms.js';

export const routes: Route[] = [...authRoutes, ...deploymentRoutes, ...instanceRoutes, ...taskRoutes, ...messageRoutes, ...jobRoutes, ...operationRoutes, ...identityRoutes, ...calendarRoutes, ...notificationRoutes, ...customerRoutes, ...loginPageRoutes, ...scenarioRoutes, ...rehearsalRoutes, ...rehearsalReadRoutes];
routes.push(...monitorRoutes);
routes.push(...taskEventRoutes, ...taskHistoryRoutes, ...colleagueRoutes, ...accountRoutes);
routes.push(...startFormRoutes);
