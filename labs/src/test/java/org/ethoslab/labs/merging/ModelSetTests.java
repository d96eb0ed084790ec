package org.ethoslab.labs.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelSetTests {

  @Test
  void aReplicateKeepsTheRecipeAndChangesOnlyTheTrainingSeedsAndName() {
    ModelSet r2 = ModelSet.DEFAULT.replicate(2);
    assertThat(ModelSet.DEFAULT.replicate(0)).isSameAs(ModelSet.DEFAULT);
    assertThat(r2.id()).isEqualTo("default-r2");
    assertThat(r2.architecture()).isEqualTo(ModelSet.DEFAULT.architecture());
    assertThat(r2.domainTuning().steps()).isEqualTo(ModelSet.DEFAULT.domainTuning().steps());
    assertThat(r2.pretrain().seed()).isEqualTo(ModelSet.DEFAULT.pretrain().seed() + 2000);
    assertThat(r2.alignmentTuning().seed()).isEqualTo(ModelSet.DEFAULT.alignmentTuning().seed() + 2000);
    assertThat(r2.domainTuning().frozen()).containsExactly("position_embedding");
    assertThat(r2.alignmentTuning().frozen()).isEqualTo(ModelSet.DEFAULT.alignmentTuning().frozen());
    assertThat(r2.pretrain().frozen()).isEmpty();
    MergeAlignModels models = new MergeAlignModels(ModelSet.DEFAULT);
    MergeAlignModels replicate = new MergeAlignModels(r2);
    assertThat(replicate.baseRecipe().hash()).isNotEqualTo(models.baseRecipe().hash());
    assertThat(replicate.domainRecipe().corpus()).isEqualTo(models.domainRecipe().corpus());
    assertThat(replicate.domainRecipe().parentHash()).isEqualTo(replicate.baseRecipe().hash());
    assertThatThrownBy(() -> ModelSet.DEFAULT.replicate(-1)).hasMessageContaining("≥ 0");
  }
}
