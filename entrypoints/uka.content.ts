export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    console.info('KAA-lotsen content');
  },
});
