// Response shapes of the catalogue routes (server/modules/catalogue/service.ts).
import type { Audience, GuideDefinition, RuleSet, Situation, SituationAnswers } from '../../../../common/catalogue.ts';
import type { Language } from '../../../../common/roles.ts';

export interface ServiceSummary {
  id: string;
  slug: string;
  name: string;
  summary: string;
  ageFrom: number | null;
  ageTo: number | null;
  audiences: Audience[];
  situations: Situation[];
  lowThreshold: boolean;
}

export interface ServiceDetails extends ServiceSummary {
  audienceText: string;
  howTo: string;
  cost: string;
  openingHours: string;
  location: string;
  phone: string | null;
  email: string | null;
  url: string | null;
  address: string | null;
  version: number;
  publishedAt: string | null;
}

export interface SearchResult {
  municipality: string;
  query: string;
  alsoSearchedFor: string[];
  services: ServiceSummary[];
}

export interface Overview {
  municipality: string;
  situationCounts: Partial<Record<Situation, number>>;
}

export interface GuideQuestionView {
  id: string;
  multiple: boolean;
  text: string;
  help: string | null;
  showWhen: { situations: Situation[] } | null;
  options: { value: string; text: string }[];
}

export interface ServiceTexts {
  name: string;
  summary: string;
  audienceText: string;
  howTo: string;
  cost: string;
  openingHours: string;
  location: string;
  keywords: string;
}

export interface ServiceContent {
  ageFrom: number | null;
  ageTo: number | null;
  audiences: Audience[];
  situations: Situation[];
  lowThreshold: boolean;
  phone: string | null;
  email: string | null;
  url: string | null;
  address: string | null;
  rules: RuleSet;
  changeNote: string | null;
  texts: Record<Language, ServiceTexts>;
}

export type VersionState = 'published' | 'draft' | 'earlier_published' | 'earlier_draft';

export interface AdminServiceItem {
  id: string;
  slug: string;
  name: string;
  latestVersion: number;
  publishedVersion: number | null;
  hasDraft: boolean;
  updatedAt: string;
  situations: Situation[];
}

export interface AdminVersion {
  version: number;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  state: VersionState;
  content: ServiceContent;
}

export interface AdminService {
  id: string;
  slug: string;
  latestVersion: number;
  publishedVersion: number | null;
  latest: AdminVersion;
  history: { version: number; name: string; createdAt: string; createdBy: string | null; publishedAt: string | null; publishedBy: string | null; changeNote: string | null; state: VersionState }[];
}

export interface AdminGuide {
  version: number;
  definition: GuideDefinition;
  samples: { key: string; description: string; answers: SituationAnswers }[];
}

export interface PreviewResult {
  valid: boolean;
  problems: { field: string; message: string }[];
  samples: { key: string; description: string; matches: boolean }[];
  suggestions: { id: string | null; name: string; thisService: boolean }[];
}
