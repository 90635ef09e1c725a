import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { expect, test } from "./fixtures";

const run = promisify(execFile);
const CHUNK = 8 * 1024 * 1024;

/** A 12-second 720p showreel of about 18 MB: three chunks, so a cut in the middle leaves some behind. */
async function showreel(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "callback-e2e-media-"));
  const file = path.join(dir, "reel.mp4");
  await run("ffmpeg", [
    "-hide_banner",
    "-loglevel",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "testsrc2=size=1280x720:rate=25:duration=12",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=330:duration=12",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-b:v",
    "14M",
    "-maxrate",
    "14M",
    "-bufsize",
    "2M",
    "-pix_fmt",
    "yuv420p",
    "-c:a",
    "aac",
    "-shortest",
    "-movflags",
    "+faststart",
    file,
  ]);
  return readFile(file);
}

async function cv(name: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(`${name} - Acting CV`, { x: 50, y: 780, size: 20, font });
  page.drawText("Theatre: The Tempest (Miranda), Bristol Old Vic, 2025", { x: 50, y: 740, size: 12, font });
  return Buffer.from(await pdf.save());
}

const portrait = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: "#0f766e" } })
    .jpeg()
    .toBuffer();

test.describe("media: showreels and CVs", () => {
  test.describe.configure({ mode: "serial" });
  test.setTimeout(180_000);

  let profilePath = "";

  test("a talent uploads a showreel, the connection is cut midway and the upload goes on, then publishes", async ({
    page,
    baseURL,
  }) => {
    const surname = `Reelmaker${Date.now().toString(36)}`;
    const signUp = await page.request.post("/api/auth/sign-up/email", {
      data: {
        name: `Odalys ${surname}`,
        email: `${surname.toLowerCase()}@example.test`,
        password: "a-good-password",
        role: "TALENT",
      },
      headers: { origin: baseURL! },
    });
    expect(signUp.ok()).toBe(true);
    await page.goto("/profile/edit");
    await page
      .locator("input[type=file][name=photo]")
      .setInputFiles({ name: "headshot.jpg", mimeType: "image/jpeg", buffer: await portrait() });
    await expect(page.getByText("Primary", { exact: true })).toBeVisible();

    // The second chunk's connection drops once; the client must ask how far it got and go on from there.
    const offsets: number[] = [];
    let cut = false;
    await page.route("**/api/uploads/**", async (route) => {
      const request = route.request();
      if (request.method() !== "PATCH") return route.fallback();
      const offset = Number(request.headers()["upload-offset"]);
      offsets.push(offset);
      if (offset === CHUNK && !cut) {
        cut = true;
        return route.abort("connectionreset");
      }
      return route.fallback();
    });

    const media = page.locator("#media");
    await media.getByLabel("Title (optional)").first().fill("Drama reel 2026");
    await media
      .locator("input[type=file]#upload-showreel")
      .setInputFiles({ name: "reel.mp4", mimeType: "video/mp4", buffer: await showreel() });
    await expect(media.getByRole("progressbar")).toBeVisible();
    await expect(media.getByText(/reel\.mp4 uploaded/)).toBeVisible({ timeout: 60_000 });
    expect(cut).toBe(true);
    // Resumed at the second chunk, not from the start: the first 8 MB went once.
    expect(offsets.filter((offset) => offset === 0)).toHaveLength(1);
    expect(offsets.filter((offset) => offset === CHUNK).length).toBeGreaterThanOrEqual(2);

    // The worker processes it: the poster frame and the running time appear.
    const reel = media.getByRole("listitem").filter({ hasText: "Drama reel 2026" });
    await expect(reel.getByText("Main")).toBeVisible({ timeout: 60_000 });
    await expect(reel.locator("img")).toBeVisible();
    await expect(reel.getByText(/0:12/)).toBeVisible();

    // A CV (premium: only subscribers see it).
    await media
      .locator("input[type=file]#upload-cv")
      .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: await cv(`Odalys ${surname}`) });
    await expect(media.getByText(/cv\.pdf uploaded/)).toBeVisible({ timeout: 30_000 });
    await expect(media.getByText(/1 page/)).toBeVisible({ timeout: 60_000 });

    const basics = page.locator("#basics");
    await basics.getByLabel("Headline").fill("Screen actor with a new showreel");
    await basics.getByLabel("City").fill("Glasgow");
    await basics.getByLabel("Country").selectOption("GB");
    await basics.getByLabel("Actor").check();
    await basics.getByLabel("Playing age from").fill("25");
    await basics.getByLabel("Playing age to").fill("35");
    await basics.getByRole("button", { name: "Save" }).click();
    await expect(basics.getByText("Saved.")).toBeVisible();

    await page.getByRole("button", { name: "Publish profile" }).click();
    await expect(page.getByText("Published", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Your public page" }).click();
    await expect(page.getByRole("heading", { name: `Odalys ${surname}` })).toBeVisible();
    profilePath = new URL(page.url()).pathname;
  });

  test("a subscriber plays the showreel and seeks in it without downloading the whole file", async ({
    page,
    login,
  }) => {
    test.skip(!profilePath, "needs the profile of the story before");
    await login("casting");
    const ranges: number[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/api/media/") && response.url().includes("/original"))
        ranges.push(response.status());
    });
    await page.goto(profilePath);
    const player = page.getByTestId("showreel-player");
    await expect(player).toBeVisible();
    const seeked = await player.evaluate(
      (video: HTMLVideoElement) =>
        new Promise<number>((resolve, reject) => {
          const seek = () => {
            video.addEventListener("seeked", () => resolve(video.currentTime), { once: true });
            video.currentTime = 9;
          };
          video.addEventListener("error", () => reject(new Error("the video could not be played")), { once: true });
          setTimeout(
            () =>
              reject(
                new Error(
                  `no seek after 60 s: readyState ${video.readyState}, networkState ${video.networkState}, error ${video.error?.message ?? "none"}, src ${video.currentSrc}`,
                ),
              ),
            60_000,
          );
          if (video.readyState >= 1) seek();
          else {
            video.addEventListener("loadedmetadata", seek, { once: true });
            if (video.networkState === HTMLMediaElement.NETWORK_EMPTY) video.load();
          }
        }),
    );
    expect(seeked).toBeGreaterThan(8);
    expect(ranges).toContain(206);
    await expect(page.getByRole("link", { name: /Open the CV/ })).toBeVisible();
  });

  test("a visitor cannot fetch the premium CV, not even with a subscriber's link once it expired", async ({
    page,
    browser,
    login,
  }) => {
    test.skip(!profilePath, "needs the profile of the story before");
    await login("casting");
    await page.goto(profilePath);
    const href = await page.getByRole("link", { name: /Open the CV/ }).getAttribute("href");
    expect(href).toMatch(/\/api\/media\/[0-9a-f-]+\/v\d+\/original\?exp=\d+&sig=/);

    const visitor = await browser.newContext();
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(profilePath);
    await expect(visitorPage.getByTestId("showreel-player")).toBeVisible();
    await expect(visitorPage.getByRole("link", { name: /Open the CV/ })).toHaveCount(0);
    // Without the signature the file does not exist for a visitor.
    const unsigned = href!.split("?")[0]!;
    expect((await visitorPage.request.get(unsigned)).status()).toBe(404);
    // A leaked link works only until it expires (MEDIA_URL_TTL_SECONDS is short in this suite).
    const expires = Number(new URL(href!, "http://x").searchParams.get("exp")) * 1000;
    await expect
      .poll(async () => (await visitorPage.request.get(href!)).status(), {
        timeout: Math.max(10_000, expires - Date.now() + 10_000),
        intervals: [2000],
      })
      .toBe(404);
    expect(Date.now()).toBeGreaterThanOrEqual(expires);
    await visitor.close();
  });
});
