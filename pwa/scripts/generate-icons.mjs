// Renders the committed SVG logo (public/favicon.svg) to the PNG icons the manifest and iOS need.
// Run after changing the logo: `npm run icons`. The PNGs are committed, so builds do not need sharp.
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const svg = await readFile(join(root, 'public/favicon.svg'))
const out = join(root, 'public/icons')
await mkdir(out, { recursive: true })

/** @param {number} size */
const render = (size) => sharp(svg, { density: 384 }).resize(size, size)

await render(192).png().toFile(join(out, 'icon-192.png'))
await render(512).png().toFile(join(out, 'icon-512.png'))
await render(180).flatten({ background: '#0b4f8a' }).png().toFile(join(out, 'apple-touch-icon.png'))
// Maskable: the logo inside the 80 % safe zone on a full-bleed background.
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#0b4f8a' } })
  .composite([{ input: await render(410).png().toBuffer(), gravity: 'center' }])
  .png()
  .toFile(join(out, 'maskable-512.png'))
console.log('icons written to public/icons/')
