export default defineBackground(() => {
  console.info('KAA-lotsen background started');
});
