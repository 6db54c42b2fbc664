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
  /** Shown only when this also holds for the person's roles (e.g. a page for care staff, not the service desk). */
  when?: (roles: readonly StaffRole[]) => boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: '/arenden/ny-lasning',
    label: 'Begär låsning',
    description: 'Begär att en invånares inloggning till 1177 e-tjänster låses, enligt blanketten.',
    endpoint: 'POST /cases',
  },
  {
    href: '/kontaktcenter',
    label: 'Kontaktcenter',
    description: 'Kontaktcentrets kö och blockeringar av vårdnadshavare: uppföljningsuppgifter, journalanteckning och hävning (rutin 002).',
    endpoint: 'PATCH /guardian-blocks/{id}/tasks/{taskId}',
  },
  {
    href: '/vardnadshavare/ny-blockering',
    label: 'Blockera vårdnadshavare',
    description: 'Registrera verksamhetschefens beslut att blockera vårdnadshavares tillgång till barnets journal och e-tjänster (R18).',
    endpoint: 'POST /guardian-blocks',
    // The contact centre's form for a block phoned in; the unit head has the e-form (/vardnadshavare/blockera).
    when: (roles) => roles.includes('contact_centre'),
  },
  {
    href: '/granskning',
    label: 'Granska loggen',
    description: 'Sök i loggen på invånare, ärende, medarbetare eller tidsperiod, och ta ut ett loggutdrag (CSV).',
    endpoint: 'GET /audit',
  },
  {
    href: '/granskning/kedjan',
    label: 'Kontrollera loggkedjan',
    description: 'Kontrollera att ingen loggpost har ändrats, tagits bort eller lagts till i efterhand.',
    endpoint: 'GET /audit/verify',
  },
  {
    href: '/drift/doda-meddelanden',
    label: 'Döda meddelanden',
    description: 'Meddelanden som tjänsterna inte kunde hantera: se varför, skicka tillbaka eller ta bort.',
    endpoint: 'GET /dead-letters',
  },
  {
    href: '/upplasning/ny',
    label: 'Begär upplåsning',
    description: 'Begär att en låst inloggning låses upp, efter en ny bedömning och ett dokumenterat beslut (R10, R11).',
    endpoint: 'POST /cases',
    when: isCareStaff,
  },
  {
    href: '/forsegling/ny',
    label: 'Begär försegling',
    description: 'Begär att invånarens journal på nätet förseglas, helt eller hos namngivna vårdgivare eller enheter (R21).',
    endpoint: 'POST /cases',
    when: isCareStaff,
  },
  {
    href: '/vardnadshavare/blockera',
    label: 'Blockera vårdnadshavare',
    description: 'Verksamhetschefens beslut att blockera en vårdnadshavares åtkomst till barnets journal och e-tjänster (R18).',
    endpoint: 'POST /guardian-blocks',
    when: (roles) => roles.includes('unit_head'),
  },
  {
    href: '/vardnadshavare/blockera',
    label: 'Blockera vårdnadshavare',
    description: 'Hur du går till väga när en vårdnadshavare behöver blockeras: verksamhetschefen beslutar (R1, R18).',
    endpoint: 'POST /cases',
    when: (roles) => isCareStaff(roles) && !mayCall('POST /guardian-blocks', roles),
  },
  {
    href: '/enhetens-arenden',
    label: 'Enhetens ärenden',
    description: 'Din enhets ärenden efter status, med tidslinje, vad som väntar och vad åtgärden innebär (R17).',
    endpoint: 'GET /cases',
    when: isCareStaff,
  },
  {
    href: '/omprovningar',
    label: 'Omprövningar',
    description: 'Enhetens låsningar som ska omprövas efter tre månader: behåll låsningen eller lås upp (R9).',
    endpoint: 'GET /reviews',
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

/** Clinicians, unit heads and medical leads: the staff who decide (R1). */
function isCareStaff(roles: readonly StaffRole[]): boolean {
  return roles.some((r) => r === 'clinician' || r === 'unit_head' || r === 'medical_lead');
}

export function navFor(roles: readonly StaffRole[]): NavItem[] {
  return NAV_ITEMS.filter((item) => mayCall(item.endpoint, roles) && (item.when?.(roles) ?? true));
}
