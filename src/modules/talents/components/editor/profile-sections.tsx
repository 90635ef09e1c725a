"use client";

import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { updateBasicsAction, updateContactAction, updatePremiumDetailsAction, updateSkillsAction } from "../../actions";
import {
  availabilities,
  availabilityLabels,
  categories,
  categoryLabels,
  countries,
  currencies,
  eyeColours,
  hairColours,
} from "../../options";
import type { ContactDetails, PremiumDetails, PublicProfile } from "../../types";
import { SectionForm } from "./section-form";

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

export function BasicsSection({ profile }: { profile: PublicProfile }) {
  return (
    <SectionForm
      id="basics"
      title="The basics"
      description="Shown to everyone once your profile is published."
      action={updateBasicsAction}
    >
      {({ values, errors }) => {
        const chosen = values.categories !== undefined ? values.categories.split(",") : profile.categories;
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <InputField
                name="displayName"
                label="Display name"
                required
                maxLength={80}
                defaultValue={values.displayName ?? profile.displayName}
                errors={errors.displayName}
              />
              <InputField
                name="headline"
                label="Headline"
                maxLength={120}
                defaultValue={values.headline ?? profile.headline}
                errors={errors.headline}
                hint="One line casting teams read first, e.g. Classically trained actor with screen and stage credits."
              />
              <InputField
                name="city"
                label="City"
                maxLength={80}
                defaultValue={values.city ?? profile.city}
                errors={errors.city}
              />
              <SelectField
                name="country"
                label="Country"
                defaultValue={values.country ?? profile.country}
                placeholder="Choose a country"
                options={countries.map((country) => ({ value: country.code, label: country.name }))}
                errors={errors.country}
              />
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-stone-800">Categories</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {categories.map((category) => (
                  <label
                    key={category}
                    className="flex items-center gap-2 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                  >
                    <input
                      type="checkbox"
                      name="categories"
                      value={category}
                      defaultChecked={chosen.includes(category)}
                      className="accent-brand-600"
                    />
                    {categoryLabels[category]}
                  </label>
                ))}
              </div>
              {errors.categories ? (
                <p role="alert" className="mt-1 text-xs font-medium text-red-700">
                  {errors.categories.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-4">
              <InputField
                name="playingAgeMin"
                label="Playing age from"
                type="number"
                min={0}
                max={100}
                defaultValue={values.playingAgeMin ?? text(profile.playingAgeMin)}
                errors={errors.playingAgeMin}
              />
              <InputField
                name="playingAgeMax"
                label="Playing age to"
                type="number"
                min={0}
                max={100}
                defaultValue={values.playingAgeMax ?? text(profile.playingAgeMax)}
                errors={errors.playingAgeMax}
              />
              <InputField
                name="genderIdentity"
                label="Gender identity (optional)"
                maxLength={60}
                defaultValue={values.genderIdentity ?? profile.genderIdentity}
                errors={errors.genderIdentity}
              />
              <SelectField
                name="availability"
                label="Availability"
                defaultValue={values.availability ?? profile.availability}
                options={availabilities.map((value) => ({ value, label: availabilityLabels[value] }))}
                errors={errors.availability}
              />
            </div>
          </>
        );
      }}
    </SectionForm>
  );
}

export function SkillsSection({ profile }: { profile: PublicProfile }) {
  return (
    <SectionForm
      id="skills"
      title="Languages, skills and unions"
      description="Separate entries with commas. Shown to everyone."
      action={updateSkillsAction}
    >
      {({ values, errors }) => (
        <div className="grid gap-4">
          <InputField
            name="languages"
            label="Languages"
            defaultValue={values.languages ?? profile.languages.join(", ")}
            errors={errors.languages}
            hint="e.g. English, Spanish, British Sign Language"
          />
          <InputField
            name="skills"
            label="Skills"
            defaultValue={values.skills ?? profile.skills.join(", ")}
            errors={errors.skills}
            hint="e.g. Stage combat, Horse riding, Ballet, Accents: Irish"
          />
          <InputField
            name="unions"
            label="Union membership"
            defaultValue={values.unions ?? profile.unions.join(", ")}
            errors={errors.unions}
            hint="e.g. SAG-AFTRA, Equity UK"
          />
        </div>
      )}
    </SectionForm>
  );
}

export function PremiumDetailsSection({ premium }: { premium: PremiumDetails }) {
  return (
    <SectionForm
      id="premium"
      title="Bio, appearance, showreels and rates"
      description="Premium: shown to subscribed casting professionals, companies and admins."
      action={updatePremiumDetailsAction}
    >
      {({ values, errors }) => (
        <>
          <TextareaField
            name="bio"
            label="Bio"
            rows={7}
            maxLength={5000}
            defaultValue={values.bio ?? premium.bio}
            errors={errors.bio}
            hint="Training, experience, what you are known for. Up to 5,000 characters."
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <InputField
              name="heightCm"
              label="Height (cm)"
              type="number"
              min={50}
              max={250}
              defaultValue={values.heightCm ?? text(premium.heightCm)}
              errors={errors.heightCm}
            />
            <SelectField
              name="eyeColour"
              label="Eye colour"
              defaultValue={values.eyeColour ?? premium.eyeColour}
              placeholder="Not given"
              options={eyeColours.map((value) => ({ value, label: value }))}
              errors={errors.eyeColour}
            />
            <SelectField
              name="hairColour"
              label="Hair colour"
              defaultValue={values.hairColour ?? premium.hairColour}
              placeholder="Not given"
              options={hairColours.map((value) => ({ value, label: value }))}
              errors={errors.hairColour}
            />
          </div>
          <TextareaField
            name="showreelUrls"
            label="Showreel links"
            rows={3}
            defaultValue={values.showreelUrls ?? premium.showreelUrls.join("\n")}
            errors={errors.showreelUrls ?? Object.entries(errors).find(([key]) => key.startsWith("showreelUrls."))?.[1]}
            hint="One link per line, up to 5, each starting with https://."
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <InputField
              name="dayRateMin"
              label="Day rate from"
              type="number"
              min={0}
              defaultValue={values.dayRateMin ?? text(premium.dayRateMin)}
              errors={errors.dayRateMin}
            />
            <InputField
              name="dayRateMax"
              label="Day rate to"
              type="number"
              min={0}
              defaultValue={values.dayRateMax ?? text(premium.dayRateMax)}
              errors={errors.dayRateMax}
            />
            <SelectField
              name="dayRateCurrency"
              label="Currency"
              defaultValue={values.dayRateCurrency ?? premium.dayRateCurrency}
              options={currencies.map((value) => ({ value, label: value }))}
              errors={errors.dayRateCurrency}
            />
          </div>
        </>
      )}
    </SectionForm>
  );
}

export function ContactSection({ contact }: { contact: ContactDetails }) {
  return (
    <SectionForm
      id="contact"
      title="Contact details"
      description="Private. Only you and admins see them, and a casting professional only after you approve their contact request."
      action={updateContactAction}
    >
      {({ values, errors }) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            name="phone"
            label="Phone"
            type="tel"
            defaultValue={values.phone ?? contact.phone}
            errors={errors.phone}
          />
          <InputField
            name="email"
            label="Email"
            type="email"
            defaultValue={values.email ?? contact.email}
            errors={errors.email}
          />
          <InputField
            name="agentName"
            label="Agent name"
            defaultValue={values.agentName ?? contact.agentName}
            errors={errors.agentName}
          />
          <InputField
            name="agency"
            label="Agency"
            defaultValue={values.agency ?? contact.agency}
            errors={errors.agency}
          />
          <InputField
            name="agentPhone"
            label="Agent phone"
            type="tel"
            defaultValue={values.agentPhone ?? contact.agentPhone}
            errors={errors.agentPhone}
          />
          <InputField
            name="agentEmail"
            label="Agent email"
            type="email"
            defaultValue={values.agentEmail ?? contact.agentEmail}
            errors={errors.agentEmail}
          />
        </div>
      )}
    </SectionForm>
  );
}
