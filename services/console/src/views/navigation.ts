import { Endpoint, mayCall } from '@accessdesk/access';
import type { StaffRole } from '@accessdesk/contracts';

/**
 * What the console offers, one entry per page a role may open from the menu and the home page. An
 * entry is shown to whoever may call its `endpoint` (libs/access/src/endpoint-roles.ts), so the menu
 * follows the API's own role table; the page's controller checks the same endpoint (`@MayCall`).
 * A new page adds its entry here.
 */
export interface NavItem {
  href: string;
  label: string;
  /** One line on the home page. */
  description: string;
  endpoint: Endpoint;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: '/arenden/ny-lasning',
    label: 'Begär låsning',
    description: 'Begär att en invånares inloggning till 1177 e-tjänster låses, enligt blanketten.',
    endpoint: 'POST /cases',
  },
  {
    href: '/inkorg',
    label: 'Inkorg',
    description: 'Servicedeskens arbetsuppgifter: verkställ i personalverktyget, verifiera, följ upp blanketter och misslyckade åtgärder.',
    // The desk's inbox: named by an endpoint only the service desk may call (the contact centre has its own).
    endpoint: 'POST /cases/{id}/verification',
  },
  {
    href: '/invanare/status',
    label: 'Invånarens status',
    description: 'Om en invånares inloggning är låst, journalen förseglad och vårdnadshavare blockerade.',
    endpoint: 'POST /residents/status',
  },
  {
    href: '/sok-arende',
    label: 'Hitta ärende',
    description: 'Öppna ett ärende med dess diarienummer.',
    endpoint: 'GET /cases',
  },
];

export function navFor(roles: readonly StaffRole[]): NavItem[] {
  return NAV_ITEMS.filter((item) => mayCall(item.endpoint, roles));
}
