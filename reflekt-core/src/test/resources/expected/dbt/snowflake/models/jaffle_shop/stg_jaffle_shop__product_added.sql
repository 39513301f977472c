{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'product_added') }}
),

renamed as (
    select
        cast(id as varchar) as event_id,
        cast(event_text as varchar) as event_name,
        cast(original_timestamp as timestamp_ntz) as original_tstamp,
        cast(sent_at as timestamp_ntz) as sent_at_tstamp,
        cast(received_at as timestamp_ntz) as received_at_tstamp,
        cast(timestamp as timestamp_ntz) as tstamp,
        cast(anonymous_id as varchar) as anonymous_id,
        cast(user_id as varchar) as user_id,
        cast(context_library_name as varchar) as library_name,
        cast(context_library_version as varchar) as library_version,
        cast(cart_id as varchar) as cart_id,
        cast(product_id as varchar) as product_id,
        cast('track' as varchar) as call_type,
        cast('jaffle_shop' as varchar) as source_schema,
        cast('product_added' as varchar) as source_table,
        cast('jaffle_shop/Product_Added/1-0.json' as varchar) as schema_id,
        cast('{"code_owner": "web", "product_owner": "checkout"}' as varchar) as schema_metadata
    from source
)

select * from renamed
