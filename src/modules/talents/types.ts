import type { PremiumAccess } from "@/modules/access/premium";
import type { Completeness } from "./policies";
import type { Availability, Category } from "./options";

export type PhotoRef = { id: string; width: number; height: number };

/** What everyone may see of a published profile. */
export type PublicProfile = {
  id: string;
  displayName: string;
  headline: string;
  city: string;
  country: string;
  categories: Category[];
  playingAgeMin: number | null;
  playingAgeMax: number | null;
  genderIdentity: string;
  languages: string[];
  skills: string[];
  unions: string[];
  availability: Availability;
  primaryPhoto: PhotoRef | null;
};

export type Credit = { id: string; year: number; production: string; role: string; company: string };

/** What admins and subscribers may see. */
export type PremiumDetails = {
  bio: string;
  heightCm: number | null;
  eyeColour: string;
  hairColour: string;
  showreelUrls: string[];
  dayRateMin: number | null;
  dayRateMax: number | null;
  dayRateCurrency: string;
  credits: Credit[];
  photos: PhotoRef[];
};

/** What only the talent, admins and approved requesters may see. */
export type ContactDetails = {
  phone: string;
  email: string;
  agentName: string;
  agency: string;
  agentPhone: string;
  agentEmail: string;
};

export type ProfileStatus = { isPublished: boolean; isHidden: boolean; hiddenReason: string | null };

export type ProfileView = {
  profile: PublicProfile;
  /** null when the viewer may not see premium data: it was never read from the database. */
  premium: PremiumDetails | null;
  /** null when the viewer may not see contact details: it was never read from the database. */
  contact: ContactDetails | null;
  viewer: { isOwner: boolean; isAdmin: boolean; premiumAccess: PremiumAccess };
  status: ProfileStatus;
};

export type OwnProfile = {
  profile: PublicProfile;
  premium: PremiumDetails;
  contact: ContactDetails;
  status: ProfileStatus;
  completeness: Completeness;
};

export type GalleryCard = {
  id: string;
  displayName: string;
  headline: string;
  city: string;
  country: string;
  categories: Category[];
  availability: Availability;
  primaryPhotoId: string | null;
};

/** One page of the gallery, and how many listed profiles the whole search finds (every page together). */
export type GalleryPage = { items: GalleryCard[]; nextCursor: string | null; total: number };

export type AdminProfileRow = {
  id: string;
  displayName: string;
  email: string;
  city: string;
  country: string;
  status: "draft" | "published" | "hidden";
  hiddenReason: string | null;
  hiddenByName: string | null;
  hiddenAt: Date | null;
  updatedAt: Date;
};

export type TalentSummary = GalleryCard & {
  playingAgeMin: number | null;
  playingAgeMax: number | null;
  isListed: boolean;
};
