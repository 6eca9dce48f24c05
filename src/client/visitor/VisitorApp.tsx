import '../i18n/dict-visitor'; // adds the visitor screens' part of the dictionary
import { PosterScanner } from './PosterScanner';
import { DeclarationScreen } from './DeclarationScreen';
import { MyVisits } from './MyVisits';
import { PrintCard } from './PrintCard';
import { PrivacyPage } from './PrivacyPage';
import { ProfileScreen } from './ProfileScreen';
import { QrScreen } from './QrScreen';
import { SelfCheckIn } from './SelfCheckIn';
import { VisitorHome } from './VisitorHome';
import './visitor.css';

export interface VisitorAppProps {
  path: string;
}

/** The visitor's screens (lazy chunk): `/` home, `/c/…` poster check-in, `/me/…` profiles, QR, visits, privacy. */
export function VisitorApp({ path }: VisitorAppProps) {
  if (path.startsWith('/c/')) return <SelfCheckIn href={location.href} />;
  const [, section = '', id = ''] = /^\/me\/([a-z]+)\/?([^/]*)/.exec(path) ?? [];
  switch (section) {
    case 'profile':
      return <ProfileScreen id={id === 'new' ? null : id} />;
    case 'declare':
      return <DeclarationScreen id={id} />;
    case 'qr':
      return <QrScreen id={id} />;
    case 'card':
      return <PrintCard id={id} />;
    case 'scan':
      return <PosterScanner />;
    case 'visits':
      return <MyVisits />;
    case 'privacy':
      return <PrivacyPage />;
    default:
      return <VisitorHome />;
  }
}
